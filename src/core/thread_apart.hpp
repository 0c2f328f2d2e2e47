#pragma once

#include <functional>
#include <thread>

namespace leafpress::core {

/// Runs `body` on a new thread that starts on a CPU other than the calling thread's, when
/// the process may use another, and may then move to any of them.
///
/// A kernel that packs threads onto few CPUs (the Firecracker guests leafpress's CI and
/// benchmarks run on: kernel 6.18, sysctl kernel.sched_vcpu_pack) queues a new thread on its
/// creator's CPU while the other one idles, until load balancing moves one of them: a batch
/// worker began its first document 1.9 ms after the leaflet was loaded (median of 30
/// builds, up to 5 ms), against 0.3 ms when placed. Elsewhere the kernel picks an idle CPU
/// for a new thread by itself, and this changes nothing.
std::jthread start_apart(std::function<void()> body);

}  // namespace leafpress::core
