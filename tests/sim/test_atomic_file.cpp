// Result files are complete or absent: interrupted writes leave nothing behind.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "sim/atomic_file.hpp"
#include "sim/diagnostics.hpp"
#include "test_support.hpp"

using namespace zorgsim;

TEST_CASE("an interrupt removes the temporary file being written", "[unit][files]") {
  const std::string dir = test::temp_dir("guard");
  const std::string tmp = sim::temporary_name_for(dir + "/result.h5");
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::ofstream(tmp) << "half a file";
    const sim::TemporaryFileGuard guard(tmp);
    std::raise(SIGTERM);
    _exit(0);  // not reached: the handler re-raises with the default action
  }
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK(test::files_in(dir).empty());
}

TEST_CASE("output path checks", "[unit][files]") {
  const std::string dir = test::temp_dir("paths");
  CHECK_NOTHROW(sim::check_output_path(dir + "/new.h5", false));
  CHECK(test::files_in(dir).empty());  // the writability probe is removed
  test::write_file(dir, "old.h5", "x");
  CHECK_THROWS_AS(sim::check_output_path(dir + "/old.h5", false), sim::InputError);
  CHECK_NOTHROW(sim::check_output_path(dir + "/old.h5", true));
  CHECK_THROWS_WITH(sim::check_output_path(dir + "/missing/x.h5", false), Catch::Contains("does not exist"));
  CHECK_THROWS_WITH(sim::check_output_path(dir, true), Catch::Contains("is a folder"));
  const std::string tmp = sim::temporary_name_for(dir + "/done.h5");
  test::write_file(dir, std::filesystem::path(tmp).filename().string(), "complete");
  sim::commit_file(tmp, dir + "/done.h5");
  CHECK(std::filesystem::exists(dir + "/done.h5"));
  CHECK_FALSE(std::filesystem::exists(tmp));
}
