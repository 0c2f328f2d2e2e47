#include "core/thread_apart.hpp"

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <memory>

namespace leafpress::core {

std::jthread start_apart(std::function<void()> body) {
  cpu_set_t allowed;
  const int here = sched_getcpu();
  if (here < 0 || sched_getaffinity(0, sizeof allowed, &allowed) != 0 || !CPU_ISSET(here, &allowed) ||
      CPU_COUNT(&allowed) < 2) {
    return std::jthread(std::move(body));
  }
  // The thread waits until it is placed, so that it cannot let itself run anywhere before
  // its creator confines it to the other CPUs (which would then hold for good).
  auto placed = std::make_shared<std::atomic<bool>>(false);
  std::jthread thread([body = std::move(body), placed, allowed] {
    placed->wait(false);
    pthread_setaffinity_np(pthread_self(), sizeof allowed, &allowed);
    body();
  });
  cpu_set_t elsewhere = allowed;
  CPU_CLR(here, &elsewhere);
  pthread_setaffinity_np(thread.native_handle(), sizeof elsewhere, &elsewhere);
  placed->store(true);
  placed->notify_one();
  return thread;
}

}  // namespace leafpress::core
