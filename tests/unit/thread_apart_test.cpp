#include "core/thread_apart.hpp"

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <catch2/catch.hpp>

using namespace leafpress;

namespace {

cpu_set_t own_cpus() {
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  REQUIRE(pthread_getaffinity_np(pthread_self(), sizeof cpus, &cpus) == 0);
  return cpus;
}

/// The CPUs a thread started apart may run on, from inside it, once it runs.
cpu_set_t cpus_of_thread_apart() {
  cpu_set_t seen;
  CPU_ZERO(&seen);
  std::atomic<bool> ran = false;
  {
    const std::jthread thread = core::start_apart([&] {
      seen = own_cpus();
      ran = true;
    });
  }
  REQUIRE(ran);
  return seen;
}

}  // namespace

TEST_CASE("a thread started apart runs its body and may then run on every CPU its creator may", "[core]") {
  const cpu_set_t creator = own_cpus();
  const cpu_set_t seen = cpus_of_thread_apart();
  CHECK(CPU_EQUAL(&seen, &creator));
}

TEST_CASE("a thread started apart from a creator confined to one CPU runs on that CPU", "[core]") {
  const cpu_set_t creator = own_cpus();
  cpu_set_t one;
  CPU_ZERO(&one);
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &creator)) {
      CPU_SET(cpu, &one);
      break;
    }
  }
  REQUIRE(pthread_setaffinity_np(pthread_self(), sizeof one, &one) == 0);
  const cpu_set_t seen = cpus_of_thread_apart();
  REQUIRE(pthread_setaffinity_np(pthread_self(), sizeof creator, &creator) == 0);
  CHECK(CPU_EQUAL(&seen, &one));
}
