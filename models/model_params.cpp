#include "models/model_params.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/categories.hpp"
#include "models/debts.hpp"
#include "models/employment.hpp"

namespace zorgsim::models {

namespace {
using sim::Declarer;
using sim::ParamMeta;

const std::vector<std::string> youth_bands = {"0-3", "4-11", "12-17", "18-22"};
const std::vector<std::string> adult_bands = {"18-22", "23-64", "65-74", "75+"};
const std::vector<std::string> bespoke_wmo = {"household_help", "begeleiding", "day_activities", "aids",
                                              "protected_living", "shelter"};
const std::vector<std::string> forms = {"foster_care", "family_home", "residential", "closed_youth_care"};
constexpr double per_month_max = 1.0;

void declare_population(const Declarer<PopulationParams>& d) {
  d.text("municipality", &PopulationParams::municipality, {"-", {}, {}, "Municipality name", "gemeente"});
  d.text("cbs_code", &PopulationParams::cbs_code, {"-", {}, {}, "CBS municipality code", "gemeentecode"});
  d.real("households", &PopulationParams::households,
         {"households", 1, 1e8, "Number of private households in the base year (before run.scale)", "huishoudens"});
  d.reals("household_type_share", &PopulationParams::household_type_share,
          {"share", 0, 1, "Share of households by type (sums to 1)", "huishoudenssamenstelling",
           names(household_type_names)});
  d.reals("children_count_share", &PopulationParams::children_count_share,
          {"share", 0, 1, "Family households by number of children living at home (sums to 1)",
           "thuiswonende kinderen", {"1", "2", "3", "4"}});
  std::vector<std::string> ages;
  for (int a = 0; a < 30; ++a) ages.push_back(std::to_string(a));
  d.reals("child_age_weight", &PopulationParams::child_age_weight,
          {"relative weight", 0, 1e6, "Relative frequency of each age (0..29) among children living at home",
           "leeftijd thuiswonende kinderen", ages});
  d.real("parent_age_at_oldest_child_min", &PopulationParams::parent_age_at_oldest_child_min,
         {"years", 14, 60, "Youngest parent age at the birth of the oldest child at home", ""});
  d.real("parent_age_at_oldest_child_max", &PopulationParams::parent_age_at_oldest_child_max,
         {"years", 14, 60, "Oldest parent age at the birth of the oldest child at home", ""});
  d.reals("adult_age_group_weight", &PopulationParams::adult_age_group_weight,
          {"relative weight", 0, 1e6,
           "Age group of the head of non-family households (single, couple, other; uniform within a group)",
           "leeftijd hoofdbewoner", names(adult_age_group_names)});
  d.real("partner_age_gap_max", &PopulationParams::partner_age_gap_max,
         {"years", 0, 30, "Partner age = head age +- a uniform gap up to this many years", ""});
  d.texts("district_names", &PopulationParams::district_names,
          {"-", {}, {}, "Districts (wijken) of the municipality", "wijken"});
  d.reals("district_household_share", &PopulationParams::district_household_share,
          {"share", 0, 1, "Share of households per district (same order as district_names; sums to 1)", "wijk"});
  d.reals("district_low_income_rr", &PopulationParams::district_low_income_rr,
          {"relative risk", 0, 10, "Relative risk of welfare and low income per district", ""});
  d.reals("welfare_share_by_type", &PopulationParams::welfare_share_by_type,
          {"share", 0, 1, "Share of households on welfare in the base year, by household type", "bijstand",
           names(household_type_names)});
  d.reals("income_share_non_welfare", &PopulationParams::income_share_non_welfare,
          {"share", 0, 1, "Income class of households not on welfare (sums to 1)", "inkomen t.o.v. sociaal minimum",
           names(income_class_names)});
  d.reals("network_share", &PopulationParams::network_share,
          {"share", 0, 1, "Strength of the household's social network (sums to 1)", "sociaal netwerk",
           names(network_names)});
  d.reals("problematic_debt_share_by_income", &PopulationParams::problematic_debt_share_by_income,
          {"share", 0, 1, "Share of households with problematic debts, by income class", "problematische schulden",
           names(income_class_names)});
  d.reals("arrears_share_by_income", &PopulationParams::arrears_share_by_income,
          {"share", 0, 1, "Share with payment arrears (not problematic), by income class", "betalingsachterstanden",
           names(income_class_names)});
  d.real("lvb_prevalence", &PopulationParams::lvb_prevalence,
         {"share", 0, 1, "Share of persons with a mild intellectual disability", "licht verstandelijke beperking (LVB)"});
  d.real("psychiatric_prevalence", &PopulationParams::psychiatric_prevalence,
         {"share", 0, 1, "Share of adults with a psychiatric vulnerability", "psychische kwetsbaarheid"});
  d.real("low_literacy_prevalence", &PopulationParams::low_literacy_prevalence,
         {"share", 0, 1, "Share of adults with low literacy", "laaggeletterdheid"});
  d.reals("physical_limitation_by_adult_band", &PopulationParams::physical_limitation_by_adult_band,
          {"share", 0, 1, "Share of adults with a physical/mobility limitation, by age band",
           "lichamelijke beperking", adult_bands});
  d.real("employment_rate", &PopulationParams::employment_rate,
         {"share", 0, 1, "Share employed among adults 18-66 in households not on welfare", "werkzaam"});
}

void declare_demography(const Declarer<DemographyParams>& d) {
  const std::vector<std::string> bands = {"0", "1-14", "15-29", "30-44", "45-54", "55-64", "65-74", "75-84", "85+"};
  d.reals("mortality_male", &DemographyParams::mortality_male,
          {"probability per year", 0, 1, "Annual probability of death, men, by age band", "sterftekans", bands});
  d.reals("mortality_female", &DemographyParams::mortality_female,
          {"probability per year", 0, 1, "Annual probability of death, women, by age band", "sterftekans", bands});
  d.reals("fertility", &DemographyParams::fertility,
          {"births per woman per year", 0, 1,
           "Births per woman per year by mother's age (all women; the child joins her household)", "vruchtbaarheid",
           {"15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49"}});
  d.real("male_share_at_birth", &DemographyParams::male_share_at_birth,
         {"share", 0, 1, "Share of boys among live births", "geslachtsverhouding bij geboorte"});
  d.reals("leave_home", &DemographyParams::leave_home,
          {"probability per year", 0, 1, "A child living at home leaves to live alone, by age", "uit huis gaan",
           {"18-22", "23-29"}});
  d.real("separation", &DemographyParams::separation,
         {"probability per year", 0, 1,
          "A couple separates: the man moves out alone (the head if both are of one sex); the children stay",
          "scheiding"});
  d.reals("partnering", &DemographyParams::partnering,
          {"probability per year", 0, 1,
           "A single head (or single parent) gains a partner who moves in from outside the municipality, by age",
           "samenwonen", {"18-29", "30-44", "45-59"}});
  d.real("bereavement_network_loss", &DemographyParams::bereavement_network_loss,
         {"probability", 0, 1,
          "When a head or partner dies, the household's network weakens one class (the partner was its support)",
          "verlies van netwerk"});
  d.real("separation_income_drop", &DemographyParams::separation_income_drop,
         {"probability", 0, 1, "After a separation, the household keeping the children drops one income class",
          "inkomensdaling na scheiding"});
}

void declare_migration(const Declarer<MigrationParams>& d) {
  d.real("arrivals", &MigrationParams::arrivals,
         {"fraction per year", 0, 1, "Households moving into the municipality per year, as a fraction of the base-year households",
          "vestiging"});
  d.reals("departure", &MigrationParams::departure,
          {"probability per year", 0, 1, "A household leaves the municipality, by the head's age", "vertrek",
           {"18-29", "30-44", "45-64", "65+"}});
  d.reals("arrival_adult_age_group_weight", &MigrationParams::arrival_adult_age_group_weight,
          {"relative weight", 0, 1e6, "Head age groups of arriving non-family households (movers are young)", "",
           names(adult_age_group_names)});
}

void declare_employment(const Declarer<EmploymentParams>& d) {
  d.real("job_loss", &EmploymentParams::job_loss,
         {"probability per month", 0, per_month_max,
          "An employed adult 18-66 (household not on welfare) loses their job; job finding is derived so that "
          "population.employment_rate is the stationary share",
          "baanverlies"});
  d.real("finding_vulnerable_rr", &EmploymentParams::finding_vulnerable_rr,
         {"relative risk", 0, 10, "Job finding of an adult with LVB or a psychiatric vulnerability", "kwetsbaarheid en werk"});
  d.real("finding_problematic_debt_rr", &EmploymentParams::finding_problematic_debt_rr,
         {"relative risk", 0, 10, "Job finding of an adult whose household has problematic debts", "schulden en werk"});
  d.real("job_loss_arrears", &EmploymentParams::job_loss_arrears,
         {"probability", 0, 1,
          "A household without debts falls into payment arrears when an adult loses their job (the general debt onset "
          "is derived net of these arrears)",
          "betalingsachterstand na baanverlies"});
  d.real("welfare_exit_to_work", &EmploymentParams::welfare_exit_to_work,
         {"share", 0, 1, "Share of welfare exits (other than to the state pension) where the head starts work", "uitstroom naar werk"});
}

void declare_youth(const Declarer<YouthParams>& d) {
  d.reals("to_general", &YouthParams::to_general,
          {"probability per month", 0, per_month_max,
           "Start of a general provision (parenting support, school social work) from self-reliance, by age",
           "algemene voorziening jeugd", youth_bands});
  d.reals("to_ambulant", &YouthParams::to_ambulant,
          {"probability per month", 0, per_month_max, "Start of bespoke ambulant youth care from self-reliance, by age",
           "ambulante jeugdhulp", youth_bands});
  d.reals("to_placement", &YouthParams::to_placement,
          {"probability per month", 0, per_month_max,
           "Direct (crisis) out-of-home placement from self-reliance or a general provision, by age",
           "crisisplaatsing", youth_bands});
  d.real("general_to_ambulant", &YouthParams::general_to_ambulant,
         {"probability per month", 0, per_month_max, "Step up from a general provision to ambulant care", "opschalen"});
  d.real("ambulant_to_placement", &YouthParams::ambulant_to_placement,
         {"probability per month", 0, per_month_max, "Escalation from ambulant care to an out-of-home placement",
          "uithuisplaatsing"});
  d.real("general_duration", &YouthParams::general_duration,
         {"months", 1, 600, "Mean duration of a general youth provision", ""});
  d.real("ambulant_duration", &YouthParams::ambulant_duration,
         {"months", 1, 600, "Mean duration of an ambulant youth-care trajectory", "duur traject"});
  d.reals("placement_duration", &YouthParams::placement_duration,
          {"months", 1, 600, "Mean duration of a placement, by form", "verblijfsduur", forms});
  d.reals("placement_form_share", &YouthParams::placement_form_share,
          {"share", 0, 1, "Form of a new placement (sums to 1)", "vorm van verblijf", forms});
  d.real("aftercare_share", &YouthParams::aftercare_share,
         {"share", 0, 1, "Share of placement exits that continue as ambulant care", "nazorg"});
  d.real("foster_breakdown", &YouthParams::foster_breakdown,
         {"probability per month", 0, per_month_max, "A foster placement breaks down and the child moves to residential care",
          "breakdown pleegzorg"});
  d.real("residential_to_family_home", &YouthParams::residential_to_family_home,
         {"probability per month", 0, per_month_max, "A child in residential care moves to a family home (step-down)",
          "doorstroom naar gezinshuis"});
  d.reals("income_rr", &YouthParams::income_rr,
          {"relative risk", 0, 20, "Relative risk of entering or escalating care, by household income class", "",
           names(income_class_names)});
  d.reals("network_rr", &YouthParams::network_rr,
          {"relative risk", 0, 20, "Relative risk by strength of the household's network", "", names(network_names)});
  d.real("single_parent_rr", &YouthParams::single_parent_rr,
         {"relative risk", 0, 20, "Relative risk for children of single parents", "eenoudergezin"});
  d.real("vulnerable_parent_rr", &YouthParams::vulnerable_parent_rr,
         {"relative risk", 0, 20, "Relative risk when a parent has LVB or a psychiatric vulnerability", ""});
  d.real("problematic_debt_rr", &YouthParams::problematic_debt_rr,
         {"relative risk", 0, 20, "Relative risk when the household has problematic debts", ""});
  d.real("own_lvb_rr", &YouthParams::own_lvb_rr,
         {"relative risk", 0, 20, "Relative risk for a child with LVB", ""});
  d.real("extension_after_18", &YouthParams::extension_after_18,
         {"share", 0, 1, "Share of youth in care at 18 whose youth care continues (verlengde jeugdhulp, to 23)",
          "verlengde jeugdhulp"});
  d.real("placement_to_protected_living", &YouthParams::placement_to_protected_living,
         {"share", 0, 1, "Share of placed youth moving to Wmo protected living when youth care ends at 18/23",
          "beschermd wonen na 18"});
  d.real("ambulant_to_zvw", &YouthParams::ambulant_to_zvw,
         {"share", 0, 1,
          "Share of young people whose ambulant youth care ends at 18 (not extended) or 23 that continue in adult "
          "mental health care under the Zvw (health insurance; no municipal cost)",
          "overgang jeugd-GGZ naar volwassenen-GGZ (Zvw)"});
  d.boolean("capacity_limited", &YouthParams::capacity_limited,
            {"-", {}, {},
             "Places of bespoke youth care and placements are limited by the catalogue's provisions.<id>.places; "
             "indications become requests on a waiting list",
             "capaciteit / wachtlijst"});
  d.boolean("bridging_general", &YouthParams::bridging_general,
            {"-", {}, {}, "A child waiting for bespoke care gets a general provision meanwhile", "overbruggingszorg"});
  d.real("waiting_escalation", &YouthParams::waiting_escalation,
         {"fraction per 6 months", 0, 100,
          "Escalation of an unmet need (before asking, in the triage queue, waiting for a place, in stepped care) "
          "rises by this fraction per 6 months unmet (months counted up to 31); escalation is drawn before recovery "
          "and help-seeking, so a long-unmet need with a large value escalates rather than resolves",
          "escalatie door wachten"});
  d.reals("protection_onset", &YouthParams::protection_onset,
          {"probability per month", 0, per_month_max,
           "A child (0-17) is placed under a supervision order, by youth-care tier (times the youth relative risk)",
           "ondertoezichtstelling (OTS)", {"none_or_general", "ambulant", "placed"}});
  d.real("protection_to_guardianship", &YouthParams::protection_to_guardianship,
         {"probability per month", 0, per_month_max, "A supervision order becomes guardianship (the parents lose authority)",
          "voogdij"});
  d.real("supervision_duration", &YouthParams::supervision_duration,
         {"months", 1, 600, "Mean duration of a supervision order", "duur OTS"});
  d.real("guardianship_duration", &YouthParams::guardianship_duration,
         {"months", 1, 600, "Mean duration of guardianship (it also ends at 18)", "duur voogdij"});
  d.real("under_intensity_escalation", &YouthParams::under_intensity_escalation,
         {"probability per month", 0, per_month_max,
          "A child in a general provision or ambulant care whose intensity Q was capped by the provision's max_units "
          "(care below need) ends in a crisis placement",
          "escalatie door te lage intensiteit (normenkader)"});
  d.reals("unmet_escalation", &YouthParams::unmet_escalation,
          {"probability per month", 0, per_month_max,
           "An unmet need worsens (times the youth relative risk): a light need becomes moderate; a moderate need, or "
           "a child waiting for a placement, ends in a crisis placement",
           "escalatie bij onvervulde hulpvraag", {"light_to_moderate", "moderate_to_crisis", "placement_need_to_crisis"}});
  d.reals("unmet_recovery", &YouthParams::unmet_recovery,
          {"probability per month", 0, per_month_max,
           "An unmet need resolves without professional care (own means and network)", "eigen kracht",
           {"light", "moderate"}});
  d.real("separation_need", &YouthParams::separation_need,
         {"probability", 0, 1, "A child (0-17) without a need gets a light unmet need when its parents separate",
          "scheiding als risicofactor"});
  d.real("bereavement_need", &YouthParams::bereavement_need,
         {"probability", 0, 1, "A child (0-17) without a need gets a light unmet need when a parent dies", "rouw"});
  d.real("job_loss_need", &YouthParams::job_loss_need,
         {"probability", 0, 1, "A child (0-17) without a need gets a light unmet need when a parent loses their job",
          "baanverlies ouder als risicofactor"});
  d.real("vulnerable_birth_need", &YouthParams::vulnerable_birth_need,
         {"probability", 0, 1,
          "A child born to a mother with LVB or a psychiatric vulnerability has a light unmet need from birth",
          "kwetsbaar ouderschap"});
  d.reals("network_recovery_rr", &YouthParams::network_recovery_rr,
          {"relative rate", 0, 20, "Relative rate of that recovery by the strength of the household's network",
           "sociaal netwerk", names(network_names)});
}

void declare_access(const Declarer<AccessParams>& d) {
  d.text("care_model", &AccessParams::care_model,
         {"-", {}, {}, "matched: the team indicates the care that fits the need at once; stepped: a moderate need "
          "first gets a general provision and steps up to ambulant care only at review",
          "matched care / stepped care (getrapte zorg)"});
  d.reals("help_seeking", &AccessParams::help_seeking,
          {"probability per month", 0, per_month_max, "A household with an unmet need for a child asks for help",
           "hulpvraag", {"light", "moderate"}});
  d.real("stigma", &AccessParams::stigma,
         {"share", 0, 1, "Help-seeking is multiplied by (1 - stigma)", "drempel / stigma"});
  d.real("low_literacy_seeking_rr", &AccessParams::low_literacy_seeking_rr,
         {"relative rate", 0, 10, "Relative help-seeking when a parent has low literacy (awareness of provisions)",
          "bekendheid met voorzieningen"});
  d.reals("refusal", &AccessParams::refusal,
          {"share", 0, 1, "Gatekeeping strictness: share of assessed requests refused (the need stays unmet)",
           "poortwachter / afwijzing", {"light", "moderate"}});
  d.real("stepped_review_months", &AccessParams::stepped_review_months,
         {"months", 1, 120, "Stepped care: mean months in a general provision before a review steps up to ambulant care",
          "evaluatie"});
  d.real("stepped_resolution", &AccessParams::stepped_resolution,
         {"probability per month", 0, per_month_max,
          "Stepped care: per month, the general provision turns out to meet a moderate need", ""});
  d.boolean("triage_limited", &AccessParams::triage_limited,
            {"-", {}, {}, "Assessments per month are limited to wijkteam_fte x assessments_per_fte_month; requests "
             "beyond wait in a queue ordered by need, then waiting time",
             "capaciteit toegang"});
  d.real("wijkteam_fte", &AccessParams::wijkteam_fte,
         {"FTE", 0, 1e6, "Local-team FTE for youth intake and triage (at run.scale 1); also its cost", "wijkteam (fte)"});
  d.real("assessments_per_fte_month", &AccessParams::assessments_per_fte_month,
         {"assessments per FTE-month", 0, 1000, "New requests one FTE assesses per month", "keukentafelgesprekken"});
  d.real("salary_per_fte_year", &AccessParams::salary_per_fte_year,
         {"EUR per FTE-year", 0, 1e6, "Employer cost of one local-team FTE", "loonkosten wijkteam"});
  d.reals("wmo_help_seeking", &AccessParams::wmo_help_seeking,
          {"probability per month", 0, per_month_max,
           "An adult with an unmet need for a bespoke Wmo provision asks the local team (then times 1 - stigma, "
           "and low_literacy_seeking_rr for a low-literate adult)",
           "melding Wmo", {"moderate", "severe"}});
  d.reals("wmo_refusal", &AccessParams::wmo_refusal,
          {"share", 0, 1, "Gatekeeping of adult requests: share of assessed Wmo requests refused (the need stays unmet)",
           "afwijzing maatwerkvoorziening", {"moderate", "severe"}});
  d.real("wmo_fte", &AccessParams::wmo_fte,
         {"FTE", 0, 1e6,
          "Local-team FTE for Wmo intake (at run.scale 1): with triage_limited, adult assessments per month are "
          "wmo_fte x assessments_per_fte_month; also its cost (Wmo)",
          "Wmo-consulenten (fte)"});
}

void declare_wmo_provision(const Declarer<WmoProvisionParams>& d, const std::string& dutch) {
  d.reals("start", &WmoProvisionParams::start,
          {"probability per month", 0, per_month_max, "For an adult without the provision: general support, its start; a bespoke provision (household help .. "
           "shelter), the onset of a need for it, met through help-seeking and the local team; by age band",
           dutch, adult_bands});
  d.real("duration", &WmoProvisionParams::duration, {"months", 1, 1200, "Mean duration of the provision", ""});
  d.reals("vulnerability_rr", &WmoProvisionParams::vulnerability_rr,
          {"relative risk", 0, 50, "Relative risk of starting, per vulnerability the person has", "",
           names(vulnerability_names)});
}

void declare_wmo(const Declarer<WmoParams>& d) {
  declare_wmo_provision(d.section(&WmoParams::general, "general_support"), "algemene voorziening / wijkteam");
  declare_wmo_provision(d.section(&WmoParams::household_help, "household_help"), "huishoudelijke ondersteuning");
  declare_wmo_provision(d.section(&WmoParams::begeleiding, "begeleiding"), "begeleiding / ondersteuning thuis");
  declare_wmo_provision(d.section(&WmoParams::day_activities, "day_activities"), "dagbesteding");
  declare_wmo_provision(d.section(&WmoParams::aids, "aids"), "hulpmiddelen");
  declare_wmo_provision(d.section(&WmoParams::protected_living, "protected_living"), "beschermd wonen");
  declare_wmo_provision(d.section(&WmoParams::shelter, "shelter"), "maatschappelijke opvang");
  d.reals("income_rr", &WmoParams::income_rr,
          {"relative risk", 0, 20, "Relative risk of starting any Wmo provision, by income class", "",
           names(income_class_names)});
  d.reals("network_rr", &WmoParams::network_rr,
          {"relative risk", 0, 20, "Relative risk by strength of the household's network", "mantelzorg",
           names(network_names)});
  d.reals("home_adaptation", &WmoParams::home_adaptation,
          {"probability per month", 0, per_month_max, "One-off home adaptation, by adult age band",
           "woonvoorziening", adult_bands});
  d.boolean("capacity_limited", &WmoParams::capacity_limited,
            {"-", {}, {},
             "Places of bespoke Wmo provisions (household help .. shelter) are limited by the catalogue's "
             "provisions.<id>.places; indicated provisions become requests on a waiting list",
             "capaciteit / wachtlijst Wmo"});
  d.reals("need_escalation", &WmoParams::need_escalation,
          {"probability per month", 0, per_month_max,
           "Escalation of an unmet adult need (before asking, in the team's queue, waiting for a place, in stepped "
           "care): moderate to severe, severe to crisis (met at once by wmo.crisis_provision)",
           "escalatie", {"moderate_to_severe", "severe_to_crisis"}});
  d.reals("need_recovery", &WmoParams::need_recovery,
          {"probability per month", 0, per_month_max,
           "An unmet adult need resolves without a bespoke provision (own means, network), for a medium network",
           "eigen kracht", {"moderate", "severe"}});
  d.reals("network_recovery_rr", &WmoParams::network_recovery_rr,
          {"relative rate", 0, 20, "Relative recovery of an unmet adult need by the household's network strength",
           "sociaal netwerk", names(network_names)});
  d.real("waiting_escalation", &WmoParams::waiting_escalation,
         {"relative rise per 6 months", 0, 100,
          "Escalation of an unmet adult need is multiplied by (1 + waiting_escalation x months unmet / 6)",
          "gevolgen van wachten"});
  d.real("general_support_escalation_rr", &WmoParams::general_support_escalation_rr,
         {"relative rate", 0, 10,
          "Escalation of an unmet need while the adult holds general support (stepped care or bridging)",
          "overbrugging"});
  d.real("severe_onset_share", &WmoParams::severe_onset_share,
         {"share", 0, 1, "Share of new adult needs that are severe at once", "ernst"});
  d.texts("crisis_provision", &WmoParams::crisis_provision,
          {"-", {}, {},
           "Per bespoke provision whose need escalates to a crisis: the provision (household_help .. shelter) "
           "started at once, bypassing the team and any waiting list",
           "crisisopvang / spoedindicatie", bespoke_wmo});
  d.reals("general_first", &WmoParams::general_first,
          {"share", 0, 1,
           "Stepped care (access.care_model): share of indicated needs for each bespoke provision first given "
           "general support, stepping up at review (access.stepped_review_months)",
           "voorliggende / algemene voorziening eerst", bespoke_wmo});
  d.boolean("bridging_general", &WmoParams::bridging_general,
            {"-", {}, {}, "An adult waiting for a Wmo place gets general support meanwhile (if not holding it)",
             "overbruggingszorg"});
  d.reals("wlz_takeover", &WmoParams::wlz_takeover,
          {"probability per month", 0, per_month_max,
           "An adult holding Wmo home care (household help, begeleiding or day activities) needs permanent "
           "24-hour care and moves to the Wlz: the Wmo provisions, any unmet Wmo need and waiting end; by age band",
           "Wlz voorliggend (blijvend 24 uur zorg in de nabijheid)", adult_bands});
  d.real("wlz_mortality_rr", &WmoParams::wlz_mortality_rr,
         {"relative rate", 1, 20, "Mortality of a person in the Wlz relative to others of the same age and sex outside it",
          "sterfte in de Wlz"});
  d.reals("wlz_population_share", &WmoParams::wlz_population_share,
          {"share", 0, 0.5,
           "Share of each adult band in the Wlz in the population that demography.mortality_* describe: "
           "outside the Wlz mortality is divided by (1 + share x (wlz_mortality_rr - 1)), so that the "
           "population's mortality stays the configured one",
           "aandeel Wlz-clienten in de bevolking", adult_bands});
  d.real("copayment_per_month", &WmoParams::copayment_per_month,
         {"EUR per household-month", 0, 1e4,
          "Flat co-payment per household-month when a member holds a provision with co_payment \"wmo\"",
          "eigen bijdrage (abonnementstarief)"});
  d.boolean("income_dependent_copayment", &WmoParams::income_dependent_copayment,
            {"-", {}, {}, "From wmo.income_dependent_copayment_from the co-payment depends on income class",
             "inkomensafhankelijke eigen bijdrage"});
  d.month("income_dependent_copayment_from", &WmoParams::income_dependent_copayment_from,
          {"YYYY-MM", {}, {}, "First month of the income-dependent co-payment (when switched on)", ""});
  d.reals("copayment_by_income_class", &WmoParams::copayment_by_income_class,
          {"EUR per household-month", 0, 1e4, "Income-dependent co-payment per household-month, by income class",
           "eigen bijdrage naar inkomen", names(income_class_names)});
}

void declare_welfare(const Declarer<WelfareParams>& d) {
  d.reals("inflow_by_type", &WelfareParams::inflow_by_type,
          {"probability per month", 0, per_month_max,
           "Start of a welfare spell for a household not on welfare (head below pension age), by type",
           "instroom bijstand", names(household_type_names)});
  d.reals("income_rr", &WelfareParams::income_rr,
          {"relative risk", 0, 100, "Relative risk of welfare inflow by income class", "",
           names(income_class_names)});
  d.real("vulnerable_adult_rr", &WelfareParams::vulnerable_adult_rr,
         {"relative risk", 0, 20, "Relative risk of inflow when an adult has LVB or a psychiatric vulnerability", ""});
  d.real("problematic_debt_rr", &WelfareParams::problematic_debt_rr,
         {"relative risk", 0, 20, "Relative risk of inflow with problematic debts", ""});
  d.reals("outflow_per_year", &WelfareParams::outflow_per_year,
          {"probability per year", 0, 1, "Probability of leaving welfare within a year, by spell duration",
           "uitstroom bijstand", {"0-1y", "1-2y", "2-3y", "3y+"}});
  d.real("outflow_problematic_debt_rr", &WelfareParams::outflow_problematic_debt_rr,
         {"relative risk", 0, 10, "Outflow (mostly to work) of a household with problematic debts", ""});
  d.real("outflow_vulnerable_adult_rr", &WelfareParams::outflow_vulnerable_adult_rr,
         {"relative risk", 0, 10, "Outflow of a household with an LVB or psychiatrically vulnerable adult", ""});
  d.reals("exit_income_share", &WelfareParams::exit_income_share,
          {"share", 0, 1, "Income class after leaving welfare (sums to 1)", "",
           {"100_115pct", "115_130pct", "gt_130pct"}});
  d.real("pension_age", &WelfareParams::pension_age,
         {"years", 60, 75, "Age at which welfare ends because the state pension starts", "AOW-leeftijd"});
}

void declare_debts(const Declarer<DebtParams>& d) {
  d.real("in_help_share", &DebtParams::in_help_share,
         {"share", 0, 1, "Of households with problematic debts in the base year, the share in debt help or guardianship",
          "schuldhulpverlening / beschermingsbewind"});
  d.real("arrears_recovery", &DebtParams::arrears_recovery,
         {"probability per month", 0, 1, "Payment arrears are cleared", "achterstand ingelopen"});
  d.real("arrears_to_problematic", &DebtParams::arrears_to_problematic,
         {"probability per month", 0, 1, "Payment arrears become problematic debts", "problematische schulden"});
  d.real("problematic_recovery", &DebtParams::problematic_recovery,
         {"probability per month", 0, 1, "Problematic debts are resolved without debt help", ""});
  d.real("problematic_to_help", &DebtParams::problematic_to_help,
         {"probability per month", 0, 1, "A household with problematic debts starts debt help or guardianship",
          "instroom schuldhulpverlening"});
  d.real("help_duration", &DebtParams::help_duration,
         {"months", 1, 600, "Mean time in debt help or guardianship until the debts are settled", "duur schuldregeling"});
  d.real("vulnerable_adult_rr", &DebtParams::vulnerable_adult_rr,
         {"relative risk", 0, 20, "Arrears onset when an adult has LVB or a psychiatric vulnerability", ""});
  d.real("insurance_take_up", &DebtParams::insurance_take_up,
         {"share", 0, 1, "Share of eligible households insured through the municipality's collective health insurance",
          "collectieve zorgverzekering (gemeentepolis)"});
  d.real("insurance_offered", &DebtParams::insurance_offered,
         {"share", 0, 1, "Share of the households that would join the collective health insurance whom the municipal "
          "policy still insures (1: the policy as in the base year; 0: abolished). The others are uninsured "
          "(debts.uninsured_rr); insurance_take_up stays the base year's, from which the debt onset is calibrated",
          "collectieve zorgverzekering aangeboden"});
  d.real("insurance_income_limit", &DebtParams::insurance_income_limit,
         {"income class", 0, 3, "Highest eligible income class: 0 up to 100%, 1 up to 115% of the social minimum", ""});
  d.real("uninsured_rr", &DebtParams::uninsured_rr,
         {"relative risk", 0, 20, "Arrears onset of eligible households without the collective insurance", ""});
  d.real("eviction", &DebtParams::eviction,
         {"probability per month", 0, 1,
          "A household with problematic debts and no debt help is evicted; its head enters Wmo shelter",
          "huisuitzetting"});
}

void declare_provision(const Declarer<ProvisionParams>& d) {
  using sim::ParamValue;
  const auto number = [](double x) { ParamValue v; v.real = x; v.integer = static_cast<long long>(x); return v; };
  ParamValue all_types;
  all_types.texts = {"all"};
  ParamValue none;
  none.text = "none";
  ParamValue no;
  // Identity fields (name, law, slot, tier, unit) describe the entry; they need no source.
  d.text("name_nl", &ProvisionParams::name_nl, {"-", {}, {}, "Dutch name of the provision", "naam", {}, false});
  d.text("law", &ProvisionParams::law,
         {"-", {}, {}, "Law that finances it: jeugdwet, wmo, participatiewet or schuldhulpverlening (must be the slot's)", "wet", {}, false});
  d.text("slot", &ProvisionParams::slot,
         {"-", {}, {}, "What it serves in the model: a care state or holding (see docs/MODEL.md, provision catalogue)", "", {}, false});
  d.integer("tier", &ProvisionParams::tier,
            {"tier", 1, 3, "1 general provision, 2 bespoke care, 3 heavy/residential (must be the slot's tier)", "trede", {}, false});
  d.real("share", &ProvisionParams::share,
         {"share", 0, 1e6,
          "Holding and event slots: weight among the slot's eligible provisions; reach slots: probability that a "
          "household of the slot's population takes part",
          "aandeel / bereik"});
  d.real("tariff", &ProvisionParams::tariff, {"EUR per unit", 0, 1e7, "Tariff P per unit (price base year)", "tarief"});
  d.text("unit", &ProvisionParams::unit, {"-", {}, {}, "What one unit is (hour, day, month, item, ...)", "eenheid", {}, false});
  d.reals("units", &ProvisionParams::units,
          {"units per month", 0, 1e5, "Possible intensities Q (units per client-month; per item for events)", "intensiteit"});
  d.reals("units_probability", &ProvisionParams::units_probability,
          {"share", 0, 1, "Probability of each intensity in units (sums to 1)", ""});
  d.real("max_units", &ProvisionParams::max_units,
         {"units per month", 0, 1e5, "Intensity norm: Q is capped here; a capped client gets care below need", "normenkader (maximale Q)",
          {}, true, number(0), "no cap"});
  d.real("budget_per_year", &ProvisionParams::budget_per_year,
         {"EUR per year", 0, 1e9, "Fixed budget besides P x Q per client (general provisions; at run.scale 1)", "subsidie / budget",
          {}, true, number(0), "none"});
  d.real("indexation", &ProvisionParams::indexation,
         {"fraction per year", -1, 1, "Yearly indexation of the tariff and budget; -1: money.indexation_per_year", "indexatie",
          {}, true, number(-1), "money.indexation_per_year"});
  d.real("indication_months", &ProvisionParams::indication_months,
         {"months", 0, 1200, "Mean length of an indication; at its end it is renewed (new Q) or stopped; 0: no indication",
          "indicatieduur", {}, true, number(0), "no indication"});
  d.real("reevaluation_months", &ProvisionParams::reevaluation_months,
         {"months", 0, 1200, "Mean interval between re-evaluations of Q during an indication; 0: none", "herbeoordeling",
          {}, true, number(0), "none"});
  d.real("stop_at_renewal", &ProvisionParams::stop_at_renewal,
         {"probability", 0, 1,
          "Probability that care is stopped when the indication ends although the need remains (youth: the need "
          "becomes unmet; Wmo: the provision ends)",
          "afschalen bij herindicatie", {}, true, number(0), "never"});
  d.integer("min_age", &ProvisionParams::min_age, {"years", 0, 120, "Eligibility: youngest age", "", {}, true, number(0), "no limit"});
  d.integer("max_age", &ProvisionParams::max_age, {"years", 0, 120, "Eligibility: oldest age", "", {}, true, number(120), "no limit"});
  d.integer("max_income_class", &ProvisionParams::max_income_class,
            {"income class", 0, 3, "Eligibility: highest income class (0 up to 100%, 1 up to 115%, 2 up to 130% of the social minimum)",
             "inkomensgrens", {}, true, number(3), "no limit"});
  d.texts("household_types", &ProvisionParams::household_types,
          {"-", {}, {}, "Eligibility: household types (or all)", "huishoudtype", {}, true, all_types, "all"});
  d.text("co_payment", &ProvisionParams::co_payment,
         {"-", {}, {}, "Co-payment rule: none, or wmo (the household pays the Wmo co-payment)", "eigen bijdrage",
          {}, true, none, "none"});
  d.real("places", &ProvisionParams::places,
         {"clients", -1, 1e9,
          "Places: clients at a time (at run.scale 1) when youth.capacity_limited or wmo.capacity_limited is on; "
          "-1: unlimited. Only for bespoke youth care, placements and Wmo household help .. shelter",
          "capaciteit (plaatsen)", {}, true, number(-1), "unlimited"});
  d.boolean("per_member", &ProvisionParams::per_member,
            {"-", {}, {}, "Household slots: P x Q is per household member (the collective insurance)", "", {}, true, no,
             "per household"});
}

void declare_money(const Declarer<MoneyParams>& d) {
  d.real("indexation_per_year", &MoneyParams::indexation_per_year,
         {"fraction per year", -0.5, 1, "Yearly indexation of all tariffs and benefits", "indexatie"});
  d.integer("price_base_year", &MoneyParams::price_base_year,
            {"year", 1990, 2100, "Year in whose prices the tariffs are given", "prijspeil"});
}
void declare_budget_ceiling(const Declarer<BudgetCeilingParams>& d) {
  d.boolean("admission_stop", &BudgetCeilingParams::admission_stop,
            {"-", {}, {}, "Stop new bespoke admissions through the local team for a law whose spending so far this "
             "year exceeds its ceiling pro rata (crises and care already running continue)", "clientenstop"});
  std::vector<std::string> laws;
  for (auto n : law_names) laws.emplace_back(n);
  d.reals("per_year", &BudgetCeilingParams::per_year,
          {"EUR per year (base-year prices)", -1, 1e12, "Budget ceiling per law (-1: none); spending is the law's gross "
           "cost of provisions, local team and measures", "budgetplafond", laws});
}
}  // namespace

std::vector<sim::ParamSpec> declare_model_parameters() {
  std::vector<sim::ParamSpec> specs;
  const Declarer<ModelParams> root(specs);
  declare_population(root.section(&ModelParams::population, "population"));
  declare_demography(root.section(&ModelParams::demography, "demography"));
  declare_youth(root.section(&ModelParams::youth, "youth"));
  declare_access(root.section(&ModelParams::access, "access"));
  declare_wmo(root.section(&ModelParams::wmo, "wmo"));
  declare_welfare(root.section(&ModelParams::welfare, "welfare"));
  declare_migration(root.section(&ModelParams::migration, "migration"));
  declare_employment(root.section(&ModelParams::employment, "employment"));
  declare_debts(root.section(&ModelParams::debts, "debts"));
  declare_money(root.section(&ModelParams::money, "money"));
  declare_budget_ceiling(root.section(&ModelParams::budget_ceiling, "budget_ceiling"));
  declare_provision(root.collection("provisions", &ModelParams::provisions,
                                    {"-", {}, {}, "The provision catalogue (voorzieningenkaart)", "voorzieningen"}));
  return specs;
}

const WmoProvisionParams& WmoParams::provision(int p) const {
  const WmoProvisionParams* all[] = {&general, &household_help, &begeleiding, &day_activities,
                                     &aids, &protected_living, &shelter};
  return *all[p];
}

namespace {
void check_sum(const std::vector<double>& v, const std::string& path, const sim::ResolvedParams& where,
               sim::Diagnostics& diags) {
  const double s = std::accumulate(v.begin(), v.end(), 0.0);
  if (std::fabs(s - 1.0) > 1e-6)
    diags.add(where.where(path), path, "shares must sum to 1 (they sum to " + std::to_string(s) + ")");
}
void check_positive_sum(const std::vector<double>& v, const std::string& path,
                        const sim::ResolvedParams& where, sim::Diagnostics& diags) {
  if (std::accumulate(v.begin(), v.end(), 0.0) <= 0)
    diags.add(where.where(path), path, "weights must not all be zero");
}

// The competing transitions of one state partition one uniform number, so their monthly
// probabilities must sum to at most 1 for every covariate combination (else later
// transitions silently never happen). Checked at the largest relative risk.
void check_competing_hazards(const ModelParams& p, const sim::ResolvedParams& w, sim::Diagnostics& diags) {
  const auto max_of = [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); };
  const auto over = [&](double total, const std::string& path, const std::string& what) {
    if (total > 1.0)
      diags.add(w.where(path), path,
                what + ": the competing monthly probabilities reach " + std::to_string(total) +
                    " (> 1) at the highest relative risk");
  };
  const YouthParams& y = p.youth;
  const double rr = max_of(y.income_rr) * max_of(y.network_rr) * std::max(1.0, y.single_parent_rr) *
                    std::max(1.0, y.vulnerable_parent_rr) * std::max(1.0, y.problematic_debt_rr) *
                    std::max(1.0, y.own_lvb_rr);
  for (int b = 0; b < youth_band_count; ++b) {
    over((y.to_general[b] + y.to_ambulant[b] + y.to_placement[b]) * rr, "youth.to_ambulant",
         "self-reliant youth, age band " + std::to_string(b));
    over(1 / y.general_duration + (y.general_to_ambulant + y.to_placement[b]) * rr, "youth.general_duration",
         "youth in a general provision, age band " + std::to_string(b));
  }
  over(1 / y.ambulant_duration + y.ambulant_to_placement * rr, "youth.ambulant_duration", "youth in ambulant care");
  const AccessParams& a = p.access;
  const double nrr = max_of(y.network_recovery_rr);
  const double seek = std::max(1.0, a.low_literacy_seeking_rr) * (1 - a.stigma);
  // Checked for a need that has just arisen. Escalation grows with the months unmet and is
  // drawn first, so for a long-unmet need it may crowd out recovery and help-seeking: by
  // design, such a need escalates (it cannot then also resolve).
  const double rr_unmet = rr;
  over(y.unmet_escalation[0] * rr_unmet + y.unmet_recovery[0] * nrr + a.help_seeking[0] * seek, "youth.unmet_escalation",
       "youth with an unmet light need");
  over(y.unmet_escalation[1] * rr_unmet + y.unmet_recovery[1] * nrr + a.help_seeking[1] * seek, "youth.unmet_escalation",
       "youth with an unmet moderate need");
  over(y.unmet_escalation[1] * rr_unmet + a.stepped_resolution + 1 / a.stepped_review_months, "access.stepped_resolution",
       "youth in stepped care");
  over(1 / y.placement_duration[0] + y.foster_breakdown, "youth.foster_breakdown", "youth in foster care");
  over(1 / y.supervision_duration + y.protection_to_guardianship, "youth.protection_to_guardianship",
       "children under a supervision order");
  over(*std::max_element(y.protection_onset.begin(), y.protection_onset.end()) * rr, "youth.protection_onset",
       "children without a protection measure");
  over(1 / y.placement_duration[2] + y.residential_to_family_home, "youth.residential_to_family_home",
       "youth in residential care");
  const WmoParams& m = p.wmo;
  const double wrr = max_of(m.income_rr) * max_of(m.network_rr);
  double total = max_of(m.home_adaptation) * wrr;
  for (int k = 0; k < wmo_provision_count; ++k) {
    const WmoProvisionParams& q = m.provision(k);
    double vrr = 1;
    for (double v : q.vulnerability_rr) vrr *= std::max(1.0, v);
    total += std::max(1 / q.duration, max_of(q.start) * wrr * vrr);
  }
  over(total, "wmo.general_support.duration", "an adult's Wmo events");
  const double wseek = std::max(1.0, a.low_literacy_seeking_rr) * (1 - a.stigma);
  const double wnrr = max_of(m.network_recovery_rr);
  for (int s = 0; s < 2; ++s) {
    const std::string level = s == 0 ? "moderate" : "severe";
    over(m.need_escalation[s] * std::max(1.0, m.general_support_escalation_rr) + m.need_recovery[s] * wnrr +
             std::max(a.wmo_help_seeking[s] * wseek, a.stepped_resolution + 1 / a.stepped_review_months),
         "wmo.need_escalation", "an adult with an unmet " + level + " need");
  }
  const DebtParams& debt = p.debts;
  over(debt.arrears_recovery + debt.arrears_to_problematic, "debts.arrears_recovery", "households in arrears");
  over(debt.problematic_recovery + debt.problematic_to_help, "debts.problematic_recovery",
       "households with problematic debts");
  const WelfareParams& f = p.welfare;
  over(max_of(f.inflow_by_type) * max_of(f.income_rr) * std::max(1.0, f.vulnerable_adult_rr) *
           std::max(1.0, f.problematic_debt_rr),
       "welfare.inflow_by_type", "welfare inflow");
}
}  // namespace

// The catalogue: each entry names a known slot with the slot's law and tier; Q distributions
// and eligibility are well formed; every holding or event slot can serve anyone.
void validate_provisions(const std::vector<ProvisionParams>& ps, const sim::ResolvedParams& w, sim::Diagnostics& diags) {
  std::array<int, slot_count> per_slot{};
  std::array<bool, slot_count> open_to_all{};
  std::array<std::string, slot_count> first_of_slot{};  // where to point when a slot is not covered
  if (ps.size() > 200) diags.add(sim::SourcePos{}, "provisions", "at most 200 provisions");
  for (const ProvisionParams& q : ps) {
    const std::string at = "provisions." + q.id + ".";
    const auto bad = [&](const std::string& field, const std::string& msg) { diags.add(w.where(at + field), at + field, msg); };
    const auto slot_it = std::find(slot_names.begin(), slot_names.end(), q.slot);
    if (slot_it == slot_names.end()) {
      std::string known;
      for (auto n : slot_names) known += (known.empty() ? "" : ", ") + std::string(n);
      bad("slot", "unknown slot \"" + q.slot + "\" (known: " + known + ")");
      continue;
    }
    const int slot = static_cast<int>(slot_it - slot_names.begin());
    const SlotKind kind = slot_kind[slot];
    if (first_of_slot[slot].empty()) first_of_slot[slot] = at + "slot";
    if (q.law != law_names[static_cast<int>(slot_law[slot])])
      bad("law", "slot " + q.slot + " is financed under " + std::string(law_names[static_cast<int>(slot_law[slot])]) +
                     " (got \"" + q.law + "\")");
    if (q.tier != slot_tier[slot])
      bad("tier", "slot " + q.slot + " has tier " + std::to_string(slot_tier[slot]) + " (got " + std::to_string(q.tier) + ")");
    if (q.units.size() != q.units_probability.size())
      bad("units_probability", "needs one probability per element of units (" + std::to_string(q.units.size()) + ")");
    else if (std::fabs(std::accumulate(q.units_probability.begin(), q.units_probability.end(), 0.0) - 1.0) > 1e-6)
      bad("units_probability", "probabilities must sum to 1");
    if (q.units.size() > static_cast<std::size_t>(max_units_levels))
      bad("units", "at most " + std::to_string(max_units_levels) + " intensity levels");
    if (q.min_age > q.max_age) bad("min_age", "must not exceed max_age");
    bool all_types = false;
    for (const std::string& t : q.household_types) {
      if (t == "all") all_types = true;
      else if (std::find(household_type_names.begin(), household_type_names.end(), t) == household_type_names.end())
        bad("household_types", "unknown household type \"" + t + "\" (all, single, couple_no_children, "
                               "couple_with_children, single_parent, other)");
    }
    if (all_types && q.household_types.size() > 1) bad("household_types", "\"all\" stands alone");
    if (q.co_payment != "none" && q.co_payment != "wmo") bad("co_payment", "must be \"none\" or \"wmo\" (got \"" + q.co_payment + "\")");
    if (kind != SlotKind::PersonHolding && (q.indication_months > 0 || q.reevaluation_months > 0 || q.stop_at_renewal > 0))
      bad("indication_months", "indications and re-evaluations apply to provisions that persons hold, not to slot " + q.slot);
    if (q.per_member && kind != SlotKind::HouseholdHolding && kind != SlotKind::Reach)
      bad("per_member", "only for household slots (welfare, insurance, debts)");
    if (q.places < 0 && q.places != -1) bad("places", "must be -1 (unlimited) or a number of places >= 0");
    if (q.places >= 0 && !slot_has_places(slot))
      bad("places", "places apply to bespoke youth care, placements and Wmo household help, begeleiding, day "
                    "activities, aids, protected living and shelter, not to slot " + q.slot);
    if (kind == SlotKind::Reach && q.share > 1) bad("share", "a reach slot's share is a probability (at most 1)");
    if (++per_slot[slot] > max_provisions_per_slot)
      bad("slot", "at most " + std::to_string(max_provisions_per_slot) + " provisions per slot");
    if (q.share > 0 && q.min_age == 0 && q.max_age == 120 && q.max_income_class == 3 && all_types) open_to_all[slot] = true;
  }
  for (int s = 0; s < slot_count; ++s)
    if (slot_kind[s] != SlotKind::Reach && !open_to_all[s])
      diags.add(w.where(first_of_slot[s]), first_of_slot[s].empty() ? "provisions" : first_of_slot[s],
                "slot " + std::string(slot_names[s]) +
                    " needs a provision with share > 0 open to everyone (no age, income or household-type limit): "
                    "the model puts people in it");
}

// Derived rates must be probabilities: job finding (for the employment rate) and the debt
// onset net of arrears through job loss.
void check_derived_rates(const ModelParams& p, const sim::ResolvedParams& w, sim::Diagnostics& diags) {
  const EmploymentTables et = prepare_employment(p.employment, p.population, static_cast<int>(p.welfare.pension_age * 12));
  const double rate = p.population.employment_rate;
  if (p.employment.job_loss > 0 && (rate <= 0 || rate >= 1))
    diags.add(w.where("population.employment_rate"), "population.employment_rate",
              "must be strictly between 0 and 1 when employment.job_loss > 0 (a rate of 0 or 1 cannot be stationary)");
  const double finding = et.finding * std::max(1.0, p.employment.finding_vulnerable_rr) *
                         std::max(1.0, p.employment.finding_problematic_debt_rr);
  if (finding > 1.0)
    diags.add(w.where("population.employment_rate"), "population.employment_rate",
              "needs a job-finding probability of " + std::to_string(finding) +
                  " a month (> 1) with employment.job_loss: lower the rate or the job loss");
  const DebtTables dt = prepare_debts(p.debts, p.population, job_loss_arrears_per_household(et, p.population));
  for (int c = 0; c < income_class_count; ++c)
    if (dt.onset[c] < 0)
      diags.add(w.where("employment.job_loss_arrears"), "employment.job_loss_arrears",
                "arrears through job loss exceed the base year's arrears inflow for income class " +
                    std::string(income_class_names[c]) + " (the derived debt onset would be negative)");
}

void validate(const ModelParams& p, const sim::ResolvedParams& w, sim::Diagnostics& diags) {
  validate_provisions(p.provisions, w, diags);
  check_derived_rates(p, w, diags);
  const auto& wmo = p.wmo;
  if (wmo.income_dependent_copayment && wmo.income_dependent_copayment_from.empty())
    diags.add(w.where("wmo.income_dependent_copayment_from"), "wmo.income_dependent_copayment_from", "needs a month");
  const auto& pop = p.population;
  check_sum(pop.household_type_share, "population.household_type_share", w, diags);
  check_sum(pop.children_count_share, "population.children_count_share", w, diags);
  check_sum(pop.income_share_non_welfare, "population.income_share_non_welfare", w, diags);
  check_sum(pop.network_share, "population.network_share", w, diags);
  check_sum(pop.district_household_share, "population.district_household_share", w, diags);
  check_sum(p.youth.placement_form_share, "youth.placement_form_share", w, diags);
  check_sum(p.welfare.exit_income_share, "welfare.exit_income_share", w, diags);
  check_positive_sum(pop.child_age_weight, "population.child_age_weight", w, diags);
  check_positive_sum(pop.adult_age_group_weight, "population.adult_age_group_weight", w, diags);
  check_positive_sum(p.migration.arrival_adult_age_group_weight, "migration.arrival_adult_age_group_weight", w, diags);
  // A physical limitation, once acquired, stays (frailty.hpp): the prevalence cannot fall with age.
  for (std::size_t b = 1; b < pop.physical_limitation_by_adult_band.size(); ++b)
    if (pop.physical_limitation_by_adult_band[b] < pop.physical_limitation_by_adult_band[b - 1])
      diags.add(w.where("population.physical_limitation_by_adult_band"), "population.physical_limitation_by_adult_band",
                "must not decrease with age (a limitation, once acquired, stays)");
  const std::size_t nd = pop.district_names.size();
  if (pop.district_household_share.size() != nd)
    diags.add(w.where("population.district_household_share"), "population.district_household_share",
              "needs one share per district (" + std::to_string(nd) + " districts)");
  if (pop.district_low_income_rr.size() != nd)
    diags.add(w.where("population.district_low_income_rr"), "population.district_low_income_rr",
              "needs one value per district (" + std::to_string(nd) + " districts)");
  if (nd > 250) diags.add(w.where("population.district_names"), "population.district_names", "at most 250 districts");
  if (pop.parent_age_at_oldest_child_min > pop.parent_age_at_oldest_child_max)
    diags.add(w.where("population.parent_age_at_oldest_child_min"), "population.parent_age_at_oldest_child_min",
              "must not exceed population.parent_age_at_oldest_child_max");
  for (int i = 0; i < income_class_count; ++i)
    if (pop.arrears_share_by_income[i] + pop.problematic_debt_share_by_income[i] > 1)
      diags.add(w.where("population.arrears_share_by_income"), "population.arrears_share_by_income",
                "arrears + problematic debt shares exceed 1 for income class " +
                    std::string(income_class_names[i]));
  if (wmo.crisis_provision.size() != bespoke_wmo.size())
    diags.add(w.where("wmo.crisis_provision"), "wmo.crisis_provision",
              "needs one provision per bespoke Wmo provision (" + std::to_string(bespoke_wmo.size()) + ")");
  for (const std::string& name : wmo.crisis_provision)
    if (std::find(bespoke_wmo.begin(), bespoke_wmo.end(), name) == bespoke_wmo.end())
      diags.add(w.where("wmo.crisis_provision"), "wmo.crisis_provision",
                "unknown bespoke Wmo provision \"" + name + "\" (one of household_help, begeleiding, day_activities, "
                "aids, protected_living, shelter)");
  if (p.access.care_model != "matched" && p.access.care_model != "stepped")
    diags.add(w.where("access.care_model"), "access.care_model",
              "must be \"matched\" or \"stepped\" (got \"" + p.access.care_model + "\")");
  check_competing_hazards(p, w, diags);
}

}  // namespace zorgsim::models
