#include "models/indicators.hpp"

#include "models/categories.hpp"
#include "models/provisions.hpp"

namespace zorgsim::models {

namespace {
using sim::Aggregation;
using sim::IndicatorSpec;

std::vector<std::string> sex_age_group_names() {
  std::vector<std::string> v;
  for (const char* sex : {"men_", "women_"})
    for (int g = 0; g < age_group_count; ++g)
      v.push_back(sex + (g + 1 < age_group_count ? std::to_string(5 * g) + "-" + std::to_string(5 * g + 4) : "90+"));
  return v;
}

const std::vector<std::string> tiers = {"tier0_self_reliant", "tier1_general", "tier2_bespoke", "tier3_heavy"};

std::vector<IndicatorSpec> build(const std::vector<std::string>& districts, const std::vector<std::string>& provisions,
                                 std::vector<std::string> policy_measures) {
  if (policy_measures.empty()) policy_measures = {"none"};
  const auto S = Aggregation::Stock;
  const auto F = Aggregation::Flow;
  std::vector<IndicatorSpec> v(indicator_count);
  auto set = [&](Ind i, IndicatorSpec s) { v[static_cast<int>(i)] = std::move(s); };
  set(Ind::Persons, {"population.persons", "persons", S, "Inhabitants at the end of the month", "inwoners", {}});
  set(Ind::Households, {"population.households", "households", S, "Private households at the end of the month", "huishoudens", {}});
  set(Ind::Births, {"population.births", "persons", F, "Live births during the month", "geboorten", {}});
  set(Ind::Deaths, {"population.deaths", "persons", F, "Deaths during the month", "sterfte", {}});
  set(Ind::Immigrants, {"population.immigrants", "persons", F,
       "Persons moving into the municipality (arriving households and partners moving in)", "vestiging", {}});
  set(Ind::Emigrants, {"population.emigrants", "persons", F, "Persons leaving the municipality with their household",
       "vertrek", {}});
  set(Ind::HouseholdEvents, {"population.household_events", "events", F,
       "Household changes: new households of children leaving home and of separations (the leaving head), partners "
       "moving in, arriving and departing households, households left empty (all members died, or the last one "
       "moved out)",
       "huishoudensdynamiek", {"left_home", "separated", "partner_moved_in", "arrived", "departed", "dissolved"}});
  set(Ind::PersonsByAge, {"population.persons_by_age", "persons", S, "Inhabitants by age band (years)", "leeftijdsopbouw", names(age_band_names)});
  set(Ind::PersonsBySexAge, {"population.persons_by_sex_and_age_group", "persons", S,
       "Inhabitants by sex and five-year age group (men_0-4 ... men_90+, women_0-4 ... women_90+)",
       "bevolking naar geslacht en leeftijd (5-jaarsgroepen)", sex_age_group_names()});
  set(Ind::PhysicalLimitation, {"population.physical_limitation_by_adult_band", "persons", S,
       "Adults with a physical limitation by age band (acquired at birthdays with age, see population.physical_limitation_by_adult_band)",
       "volwassenen met een lichamelijke beperking", names(adult_band_names)});
  set(Ind::PhysicalLimitationOnsets, {"population.physical_limitation_onsets", "persons", F,
       "Adults acquiring a physical limitation at a birthday (ageing and frailty; at 18 the adult traits are drawn), by age band",
       "nieuwe lichamelijke beperkingen (ouderdom en kwetsbaarheid)", names(adult_band_names)});
  set(Ind::YouthStock, {"youth.stock_by_state", "persons", S,
       "Persons aged 0-22 by youth-care state at the end of the month; states 3-6 are out-of-home placements",
       "jeugdigen naar vorm van jeugdhulp (verblijf = uithuisplaatsing)", names(youth_state_names)});
  set(Ind::YouthInflow, {"youth.inflow_by_state", "persons", F,
       "Entries into each youth-care state (births and persons under 23 moving in enter self_reliant)", "instroom", names(youth_state_names)});
  set(Ind::YouthOutflow, {"youth.outflow_by_state", "persons", F,
       "Exits from each youth-care state (incl. deaths, moving away and leaving at 23)", "uitstroom", names(youth_state_names)});
  set(Ind::YouthTier, {"youth.persons_by_tier", "persons", S, "Persons aged 0-22 by care tier (Jeugdwet)",
       "jeugdigen naar trede", tiers});
  set(Ind::YouthCareDuringYear, {"youth.bespoke_care_since_january_0_17", "persons", S,
       "Persons aged 0-17 who had bespoke youth care (ambulant or placement) at some month since January; "
       "December's value is the annual count",
       "jeugdigen met jeugdhulp in het jaar", {}});
  set(Ind::YouthCareDuringYear18to22, {"youth.bespoke_care_since_january_18_22", "persons", S,
       "Persons aged 18-22 who had bespoke youth care (extended youth care) at some month since January; December's "
       "value is the annual count",
       "jongvolwassenen met verlengde jeugdhulp in het jaar", {}});
  set(Ind::YouthPlacedDuringYear, {"youth.placed_since_january_0_17", "persons", S,
       "Persons aged 0-17 placed out of home at some month since January; December's value is the annual count",
       "jeugdigen met jeugdhulp met verblijf in het jaar", {}});
  set(Ind::YouthPlacementStarts, {"youth.placement_starts", "persons", F,
       "New out-of-home placements by form (from home, a general provision or ambulant care; not moves between forms)",
       "nieuwe uithuisplaatsingen", {"foster_care", "family_home", "residential", "closed_youth_care"}});
  set(Ind::YouthPlacementMoves, {"youth.placement_moves", "persons", F,
       "Moves between placement forms: foster care breaking down into residential care, residential care stepping "
       "down to a family home",
       "overplaatsingen", {"foster_breakdown_to_residential", "residential_to_family_home"}});
  const std::vector<std::string> measures = {"supervision_order", "guardianship"};
  set(Ind::Protection, {"youth.child_protection", "persons", S, "Children 0-17 under a child-protection measure",
       "jeugdbescherming (OTS, voogdij)", measures});
  set(Ind::ProtectionStarts, {"youth.child_protection_starts", "persons", F,
       "Child-protection measures started (a guardianship start ends a supervision order)", "instroom jeugdbescherming",
       measures});
  set(Ind::ProtectionEnds, {"youth.child_protection_ends", "persons", F,
       "Child-protection measures ended (incl. at 18, death and moving away, and supervision turning into guardianship)",
       "uitstroom jeugdbescherming", measures});
  set(Ind::YouthCliff, {"youth.transition_at_18", "persons", F,
       "What happens to youth care at 18 and at 23 (an unmet youth need ends at 18; adult needs arise by the Wmo onset hazards). "
       "to_protected_living (Wmo) and to_zvw_mental_health (adult mental health care under the Zvw, paid by health "
       "insurers) are among those whose youth care ended at 18 or 23",
       "18-/18+", {"care_ended_at_18", "extended_at_18", "to_protected_living", "aged_out_at_23",
       "unmet_need_ended_at_18", "to_zvw_mental_health"}});
  const std::vector<std::string> places = {"ambulant", "foster_care", "family_home", "residential", "closed_youth_care"};
  set(Ind::YouthWaiting, {"youth.waiting_by_provision", "persons", S,
       "Youth waiting for a place (youth.capacity_limited), by the care they wait for", "wachtlijst jeugdhulp", places});
  set(Ind::YouthWaitingByDuration, {"youth.waiting_by_duration", "persons", S, "Youth waiting for a place, by months waited",
       "wachttijd", {"1-2_months", "3-5_months", "6-11_months", "12+_months"}});
  set(Ind::YouthWaitingByIncome, {"youth.waiting_by_income_class", "persons", S,
       "Youth waiting for a place, by their household's income class (who bears the waiting)",
       "wachtenden naar inkomen", names(income_class_names)});
  set(Ind::YouthReferrals, {"youth.referrals_by_provision", "persons", F,
       "New requests for a youth-care place (only when places are limited; otherwise entries are immediate)",
       "aanmeldingen", places});
  set(Ind::YouthAdmissions, {"youth.admissions_by_provision", "persons", F,
       "Requests that got a place (in the month of the request or after waiting)", "plaatsingen vanaf aanmelding",
       places});
  set(Ind::YouthWaitingExits, {"youth.waiting_exits", "persons", F,
       "Youth leaving the waiting list without a place: died or moved away, reached 18 or 23, or placed in a crisis "
       "(escalation while waiting)",
       "uitval van de wachtlijst", {"died_or_moved", "aged_out", "crisis_placement"}});
  const std::vector<std::string> levels = {"light", "moderate"};
  set(Ind::YouthNeed, {"youth.need_by_level", "persons", S,
       "Persons aged 0-22 by the level of care their need calls for, met or not (none; light: a general "
       "provision; moderate: ambulant care; out_of_home: a placement)",
       "zorgbehoefte", {"none", "light", "moderate", "out_of_home"}});
  set(Ind::YouthUnmet, {"youth.unmet_need_by_status", "persons", S,
       "Persons aged 0-22 whose need is not met: not (yet) asked for help, asked and waiting for the local team's "
       "assessment, indicated and waiting for a place, or in a general provision below their need (stepped care)",
       "onvervulde hulpvraag", {"not_asked", "awaiting_assessment", "waiting_for_place", "below_need_stepped_care"}});
  set(Ind::YouthUnmetByIncome, {"youth.unmet_need_by_income_class", "persons", S,
       "Persons aged 0-22 whose need is not met (any status), by household income class",
       "onvervulde hulpvraag naar inkomen", names(income_class_names)});
  set(Ind::YouthUnmetByDistrict, {"youth.unmet_need_by_district", "persons", S,
       "Persons aged 0-22 whose need is not met (any status), by district (population.district_names)",
       "onvervulde hulpvraag per wijk", districts});
  set(Ind::YouthNeedOnsets, {"youth.need_onsets", "persons", F,
       "New needs of children without one: light, moderate, or severe (a crisis placement at once)",
       "nieuwe hulpvragen", {"light", "moderate", "crisis_placement"}});
  set(Ind::YouthEscalations, {"youth.escalations_from_unmet_need", "persons", F,
       "Escalations caused by unmet need: a light need becoming moderate, a moderate need (unmet, waiting or in "
       "stepped care) ending in a crisis placement, a child waiting for a placement placed in a crisis",
       "escalatie door onvervulde hulpvraag", {"light_to_moderate", "moderate_to_crisis_placement",
       "waiting_for_placement_to_crisis_placement", "capped_intensity_to_crisis_placement"}});
  set(Ind::YouthEscalationsByIncome, {"youth.escalations_by_income_class", "persons", F,
       "The escalations of youth.escalations_from_unmet_need (all kinds), by household income class",
       "escalatie door onvervulde hulpvraag naar inkomen", names(income_class_names)});
  set(Ind::YouthUnmetResolved, {"youth.unmet_need_resolved_without_care", "persons", F,
       "Unmet needs that resolved without professional care (own means and network)", "opgelost op eigen kracht",
       levels});
  set(Ind::YouthSteppedOutcomes, {"youth.stepped_care_outcomes", "persons", F,
       "Stepped care: a moderate need met by the general provision after all, or stepped up to ambulant care at review",
       "getrapte zorg: uitkomst", {"resolved_in_general_provision", "stepped_up_to_ambulant"}});
  set(Ind::YouthLifeEventNeeds, {"youth.needs_from_life_events", "persons", F,
       "Children given a light unmet need by a life event: their parents separating, a parent's death, being born "
       "to a mother with LVB or a psychiatric vulnerability, a parent losing their job (included in youth.need_onsets)",
       "hulpvraag door levensgebeurtenis",
       {"separation", "death_of_parent", "birth_to_vulnerable_parent", "job_loss_of_parent"}});
  set(Ind::Evictions, {"debts.evictions", "households", F,
       "Households evicted for debts (problematic debts without debt help); the head enters Wmo shelter",
       "huisuitzettingen", {}});
  set(Ind::TriageRequests, {"wijkteam.requests", "persons", F,
       "Households asking the local team for help for a child, by the need's level", "hulpvragen bij het wijkteam",
       levels});
  set(Ind::TriageAssessments, {"wijkteam.assessments", "persons", F,
       "Requests assessed by the local team (this month's or from the queue)", "beoordelingen (toegang)", levels});
  set(Ind::TriageRefusals, {"wijkteam.refusals", "persons", F,
       "Assessed requests refused (gatekeeping); the need stays unmet", "afwijzingen", levels});
  set(Ind::TriageQueue, {"wijkteam.queue", "persons", S,
       "Requests waiting for the local team's assessment at the end of the month (access.triage_limited)",
       "wachtlijst toegang", levels});
  set(Ind::TriageQueueExits, {"wijkteam.queue_exits", "persons", F,
       "Requests leaving the queue without an assessment: the need resolved, a crisis placement, the child died or "
       "moved away, or aged out (18; 23 for a need that arose at 18-22)",
       "uitval wachtlijst toegang", {"need_resolved", "crisis_placement", "died_or_moved", "aged_out"}});
  set(Ind::TriageIndications, {"wijkteam.indications", "persons", F,
       "Care indicated by the local team: a general provision for a light need, ambulant care for a moderate need "
       "(matched care), or a general provision for a moderate need (stepped care)",
       "indicaties", {"general_provision", "ambulant", "general_provision_stepped"}});
  set(Ind::TriageCapacity, {"wijkteam.assessment_capacity", "assessments", F,
       "Assessments the local team can do in the month (FTE x assessments per FTE-month; 0 when "
       "access.triage_limited is off)",
       "capaciteit toegang", {}});
  set(Ind::WmoClients, {"wmo.clients_by_provision", "persons", S, "Adults holding each Wmo provision (a person can hold several)",
       "cliënten per Wmo-voorziening", names(wmo_provision_names)});
  set(Ind::WmoStarts, {"wmo.starts_by_provision", "persons", F, "Starts of each Wmo provision", "instroom", names(wmo_provision_names)});
  set(Ind::WmoEnds, {"wmo.ends_by_provision", "persons", F, "Ends of each Wmo provision (incl. deaths and moving away)", "uitstroom", names(wmo_provision_names)});
  set(Ind::WmoTier, {"wmo.persons_by_tier", "persons", S, "Adults (18+) by highest Wmo tier held", "volwassenen naar trede", tiers});
  set(Ind::WmoAnyBespoke, {"wmo.clients_any_bespoke", "persons", S, "Adults with at least one bespoke Wmo provision (tier 2-3)",
       "cliënten met een Wmo-maatwerkvoorziening", {}});
  set(Ind::HomeAdaptations, {"wmo.home_adaptations", "adaptations", F, "One-off home adaptations granted", "woonvoorzieningen", {}});
  const std::vector<std::string> wmo_places = {"household_help", "begeleiding", "day_activities", "aids",
                                               "protected_living", "shelter"};
  set(Ind::WmoWaiting, {"wmo.waiting_by_provision", "persons", S,
       "Adults waiting for a Wmo place (wmo.capacity_limited), by provision", "wachtlijst Wmo", wmo_places});
  set(Ind::WmoReferrals, {"wmo.referrals_by_provision", "persons", F,
       "New requests for a Wmo place (only when places are limited; otherwise starts are immediate)",
       "aanvragen Wmo", wmo_places});
  set(Ind::WmoAdmissions, {"wmo.admissions_by_provision", "persons", F,
       "Requests for a Wmo place that got one (this month or after waiting)", "toekenningen vanaf aanvraag",
       wmo_places});
  set(Ind::WmoWaitingExits, {"wmo.waiting_exits", "persons", F,
       "Adults leaving the Wmo waiting list without a place (died or moved away, the need resolved, a crisis, a "
       "youth-care move into protected living, an eviction into shelter)",
       "uitval van de wachtlijst Wmo",
       {}});
  const std::vector<std::string> severities = {"moderate", "severe"};
  set(Ind::WmoNeedOnsets, {"wmo.need_onsets", "persons", F,
       "Adults developing a need for a bespoke Wmo provision (the provision's start hazard; the need is unmet until "
       "the local team indicates the provision)",
       "nieuwe ondersteuningsvragen", wmo_places});
  set(Ind::WmoUnmet, {"wmo.unmet_need_by_status", "persons", S,
       "Adults with an unmet need for a bespoke Wmo provision at the end of the month: not (yet) asked for help, in "
       "the local team's queue, indicated and waiting for a place, or in stepped care (general support first)",
       "onvervulde ondersteuningsvraag", {"not_asked", "in_triage_queue", "waiting_for_place", "stepped_care"}});
  set(Ind::WmoUnmetByProvision, {"wmo.unmet_need_by_provision", "persons", S,
       "Adults with an unmet Wmo need at the end of the month, by the provision the need is for",
       "onvervulde vraag per voorziening", wmo_places});
  set(Ind::WmoUnmetByIncome, {"wmo.unmet_need_by_income_class", "persons", S,
       "Adults with an unmet Wmo need at the end of the month, by household income class",
       "onvervulde vraag naar inkomen", names(income_class_names)});
  set(Ind::WmoUnmetByDistrict, {"wmo.unmet_need_by_district", "persons", S,
       "Adults with an unmet Wmo need at the end of the month, by district", "onvervulde vraag per wijk", districts});
  set(Ind::WmoEscalations, {"wmo.escalations_from_unmet_need", "persons", F,
       "Escalations caused by unmet adult need: a moderate need becoming severe, a severe need becoming a crisis "
       "(met at once by wmo.crisis_provision, bypassing the team and any waiting list)",
       "escalaties door onvervulde vraag", {"moderate_to_severe", "severe_to_crisis"}});
  set(Ind::WmoEscalationsByIncome, {"wmo.escalations_by_income_class", "persons", F,
       "The escalations of wmo.escalations_from_unmet_need (both kinds), by household income class",
       "escalaties door onvervulde vraag naar inkomen", names(income_class_names)});
  set(Ind::WmoNeedEnds, {"wmo.need_ends", "persons", F,
       "Unmet adult needs ending: met (the provision started), resolved without it (own means, network), resolved "
       "by general support in stepped care, a crisis, the adult died or moved away, or moved to the Wlz",
       "beeindigde ondersteuningsvragen",
       {"met", "resolved", "resolved_by_general_support", "crisis", "died_or_moved", "to_wlz"}});
  set(Ind::WmoTriageRequests, {"wijkteam.wmo_requests", "persons", F,
       "Adults asking the local team for a bespoke Wmo provision (melding), by the need's severity",
       "meldingen Wmo", severities});
  set(Ind::WmoTriageAssessments, {"wijkteam.wmo_assessments", "persons", F,
       "Adult requests assessed by the local team (keukentafelgesprek), by severity", "onderzoeken Wmo", severities});
  set(Ind::WmoTriageRefusals, {"wijkteam.wmo_refusals", "persons", F,
       "Assessed adult requests refused (gatekeeping); the need stays unmet", "afwijzingen Wmo", severities});
  set(Ind::WmoTriageQueue, {"wijkteam.wmo_queue", "persons", S,
       "Adult requests waiting for the local team's assessment at the end of the month (access.triage_limited)",
       "wachtlijst toegang Wmo", severities});
  set(Ind::WmoTriageIndications, {"wijkteam.wmo_indications", "persons", F,
       "Adult requests granted: the bespoke provision indicated (matched care), or general support first (stepped "
       "care, wmo.general_first)",
       "beschikkingen Wmo", {"bespoke", "general_support_first"}});
  set(Ind::WmoTriageCapacity, {"wijkteam.wmo_assessment_capacity", "assessments", F,
       "Adult assessments the local team can do in the month (access.wmo_fte x assessments per FTE-month; 0 when "
       "access.triage_limited is off)",
       "capaciteit toegang Wmo", {}});
  set(Ind::WlzPersons, {"wlz.persons_by_age_band", "persons", S,
       "Adults in the Wlz (permanent 24-hour care under the Wet langdurige zorg, paid nationally) at the end of "
       "the month, by age band",
       "cliënten Wlz", names(adult_band_names)});
  set(Ind::WlzTakeovers, {"wlz.takeovers_by_age_band", "persons", F,
       "Holders of Wmo home care moving to the Wlz (their Wmo provisions end), by age band",
       "overgang Wmo naar Wlz", names(adult_band_names)});
  set(Ind::WlzExits, {"wlz.exits", "persons", F, "Persons leaving the Wlz: died, or moved away with their household",
       "uitstroom Wlz", {"died", "moved_away"}});
  set(Ind::WelfareHouseholds, {"welfare.households", "households", S, "Households on welfare at the end of the month", "huishoudens in de bijstand", {}});
  set(Ind::WelfareInflow, {"welfare.inflow", "households", F, "Welfare spells started", "instroom bijstand", {}});
  set(Ind::WelfareOutflow, {"welfare.outflow", "households", F, "Welfare spells ended (work, pension age, household moved away or dissolved)", "uitstroom bijstand", {}});
  set(Ind::WelfareSpells, {"welfare.households_by_spell_duration", "households", S,
       "Households on welfare by how long they have been on it (the first two categories are the action plan's "
       "'less than 3 years')",
       "duur in de bijstand", {"under_1y", "1_3y", "3_6y", "6y_and_more"}});
  set(Ind::WelfarePersons, {"welfare.persons", "persons", S, "Persons in households on welfare", "personen in bijstandshuishoudens", {}});
  set(Ind::HouseholdsByType, {"households.by_type", "households", S, "Households by type", "huishoudenstype",
       names(household_type_names)});
  set(Ind::HouseholdsByIncome, {"households.by_income_class", "households", S, "Households by income relative to the social minimum",
       "inkomen t.o.v. sociaal minimum", names(income_class_names)});
  set(Ind::HouseholdsByDebt, {"households.by_debt_state", "households", S, "Households by debt situation", "schuldensituatie",
       names(debt_state_names)});
  set(Ind::DebtTransitions, {"debts.transitions", "households", F,
       "Debt events: arrears start, arrears become problematic, debt help or guardianship starts, debts settled "
       "after help, debts resolved without help (from arrears or problematic debts)",
       "schuldenverloop", {"arrears_onset", "became_problematic", "help_started", "settled_after_help", "recovered"}});
  set(Ind::InsuranceMembers, {"debts.collective_insurance_households", "households", S,
       "Households insured through the municipality's collective health insurance (its cost is per insured person)",
       "deelnemers collectieve zorgverzekering", {}});
  set(Ind::EmploymentStatus, {"employment.adults_18_66", "persons", S,
       "Adults from 18 to the state pension age (welfare.pension_age, 67 in the default) in households not on "
       "welfare, by employment (population.employment_rate is the employed share)",
       "werkzame beroepsbevolking", {"employed", "not_employed"}});
  set(Ind::JobLosses, {"employment.job_losses", "persons", F, "Employed adults who lost their job this month",
       "baanverlies", {}});
  set(Ind::JobsFound, {"employment.jobs_found", "persons", F,
       "Adults who found work this month (including heads leaving welfare for work)", "werk gevonden", {}});
  set(Ind::ArrearsAfterJobLoss, {"debts.arrears_after_job_loss", "households", F,
       "Households without debts that fell into payment arrears through a job loss (included in "
       "debts.transitions[arrears_onset])",
       "betalingsachterstand na baanverlies", {}});
  set(Ind::ProvisionClients, {"provisions.clients", "clients", S,
       "Clients per catalogue provision at the end of the month: persons (youth, child protection, Wmo) or households "
       "(welfare, insurance, debts)",
       "cliënten per voorziening", provisions});
  set(Ind::ProvisionStarts, {"provisions.starts", "clients", F,
       "New clients per provision (a home adaptation: adaptations granted)", "instroom per voorziening", provisions});
  set(Ind::ProvisionUnits, {"provisions.units", "units", F,
       "Units delivered per provision in the month (Q summed over clients, after the intensity norm; see each "
       "provision's unit)",
       "geleverde eenheden (Q)", provisions});
  set(Ind::ProvisionCapped, {"provisions.capped_clients", "clients", S,
       "Clients whose intensity Q is capped by the provision's max_units (care below need)",
       "cliënten begrensd door normenkader", provisions});
  set(Ind::ProvisionReevaluations, {"provisions.reevaluations", "clients", F,
       "Re-evaluations of Q during an indication", "herbeoordelingen", provisions});
  set(Ind::ProvisionRenewals, {"provisions.renewals", "clients", F,
       "Indications that ended and were renewed (with a new Q)", "herindicaties", provisions});
  set(Ind::ProvisionStops, {"provisions.stopped_at_renewal", "clients", F,
       "Indications stopped at their end although the need remained (youth: the need becomes unmet)",
       "afgeschaald bij herindicatie", provisions});
  set(Ind::ProvisionWaiting, {"provisions.waiting", "persons", S,
       "Persons on the provision's waiting list at the end of the month (places limited: youth.capacity_limited, "
       "wmo.capacity_limited)",
       "wachtlijst per voorziening", provisions});
  set(Ind::ProvisionAdmissions, {"provisions.admissions", "persons", F,
       "Requests admitted from the provision's waiting list this month (those that waited and those admitted at once)",
       "plaatsingen van de wachtlijst", provisions});
  set(Ind::CostByItem, {"cost.by_provision", "EUR", F,
       "Gross cost per catalogue provision: P x Q per client plus budget (nominal, indexed)", "lasten per voorziening",
       provisions});
  std::vector<std::string> care_types = names(slot_names);
  care_types.push_back("wijkteam_youth");
  care_types.push_back("wijkteam_wmo");
  for (auto law : law_names) care_types.push_back("measures_" + std::string(law));
  set(Ind::CostByCareType, {"cost.by_care_type", "EUR", F,
       "Gross cost per care type (the model's slots: sum of cost.by_provision over a slot's provisions) and the "
       "local team's youth and Wmo intake (FTE x salary), and the policy measures' own cost per law (measures.own_cost)",
       "lasten per zorgvorm", care_types});
  set(Ind::CostByLaw, {"cost.by_law", "EUR", F, "Gross cost per law (sum of cost.by_care_type over the law's care types)",
       "lasten per wet", names(law_names)});
  set(Ind::CopaymentRevenue, {"revenue.copayment", "EUR", F, "Wmo co-payments received", "eigen bijdragen", {}});
  set(Ind::CostNet, {"cost.net_total", "EUR", F, "Gross cost of all laws minus co-payment revenue", "netto lasten", {}});
  set(Ind::MeasureIntensity, {"measures.intensity", "share", S,
       "Share of each policy measure's full effect in the month (0 before its start and after its end; the ramp)",
       "ingroeipad maatregel", policy_measures});
  set(Ind::MeasureOwnCost, {"measures.own_cost", "EUR", F,
       "Each measure's own implementation cost (one-off in its start month, per month while active; nominal, "
       "indexed); included in cost.by_law and cost.net_total",
       "uitvoeringskosten maatregel", policy_measures});
  set(Ind::MeasureBudgetLine, {"measures.budget_lines", "EUR", F,
       "Budgetary measures' budget lines (negative: less spending; nominal, indexed). Money only: not modelled "
       "behaviour, and not included in cost.by_law or cost.net_total",
       "budgettaire maatregel", policy_measures});
  set(Ind::BudgetLinesByLaw, {"measures.budget_lines_by_law", "EUR", F,
       "measures.budget_lines summed per law", "budgettaire maatregelen per wet", names(law_names)});
  set(Ind::AdmissionStop, {"budget_ceiling.admission_stop", "months", S,
       "1 when a law's admission stop is in force in the month (spending so far this year over its ceiling pro rata, "
       "budget_ceiling.admission_stop on)",
       "clientenstop", names(law_names)});
  set(Ind::AdmissionStopRefusals, {"budget_ceiling.refusals", "requests", F,
       "Local-team assessments that would have indicated bespoke care but were refused under an admission stop (the "
       "need stays unmet)",
       "afgewezen door clientenstop", names(law_names)});
  return v;
}
}  // namespace

IndicatorLayout::IndicatorLayout(const std::vector<std::string>& districts, const std::vector<std::string>& provisions,
                                 const std::vector<std::string>& measures)
    : specs(build(districts, provisions, measures)) {
  for (int i = 0; i < indicator_count; ++i) offsets[i + 1] = offsets[i] + static_cast<int>(specs[i].width());
}

const std::vector<IndicatorSpec>& indicator_specs() {
  static const std::vector<IndicatorSpec> specs = build({"population.district_names"}, {"provisions"}, {"measures"});
  return specs;
}

const std::vector<sim::SummaryColumn>& summary_columns() {
  static const std::vector<sim::SummaryColumn> cols = {
      {"persons", "population.persons", {}, 1, 0},
      {"J:gen", "youth.persons_by_tier", {1}, 1, 0},
      {"J:bespoke", "youth.persons_by_tier", {2}, 1, 0},
      {"J:placed", "youth.persons_by_tier", {3}, 1, 0},
      {"J:pl.starts", "youth.placement_starts", {}, 1, 0},
      {"J:unmet", "youth.unmet_need_by_status", {}, 1, 0},
      {"J:escal.", "youth.escalations_from_unmet_need", {}, 1, 0},
      {"W:gen", "wmo.persons_by_tier", {1}, 1, 0},
      {"W:bespoke", "wmo.persons_by_tier", {2}, 1, 0},
      {"W:BW/MO", "wmo.persons_by_tier", {3}, 1, 0},
      {"W:unmet", "wmo.unmet_need_by_status", {}, 1, 0},
      {"Wlz", "wlz.persons_by_age_band", {}, 1, 0},
      {"waiting", "provisions.waiting", {}, 1, 0},
      {"P:welfare hh", "welfare.households", {}, 1, 0},
      {"EUR M Jeugd", "cost.by_law", {0}, 1e-6, 1},
      {"EUR M Wmo", "cost.by_law", {1}, 1e-6, 1},
      {"EUR M P-wet", "cost.by_law", {2}, 1e-6, 1},
      {"EUR M debts", "cost.by_law", {3}, 1e-6, 1},
      {"EUR M net", "cost.net_total", {}, 1e-6, 1},
  };
  return cols;
}

}  // namespace zorgsim::models
