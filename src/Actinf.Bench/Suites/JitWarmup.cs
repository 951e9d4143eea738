using System.Diagnostics;

namespace Actinf.Bench.Suites;

/// <summary>
/// Runs a benchmark's own call for a while in <c>[GlobalSetup]</c>, so that the measured calls run the JIT's
/// optimised (tier-1) code.
/// </summary>
/// <remarks>
/// Under the per-call configurations (<c>CausalPerCallConfig</c>, <c>PerCallLatencyConfig</c>) BenchmarkDotNet warms up with 20 single calls only, and a full run
/// starts every case in a fresh process: a method is promoted from tier 0 after 30 calls and a 100 ms quiet
/// delay, so without this the first few hundred measured calls of a sub-millisecond query would time
/// unoptimised code (seen: medians twice those of a warmed in-process run).
/// </remarks>
internal static class JitWarmup
{
    /// <summary>How long a setup keeps calling (at least one call).</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(1);

    /// <summary>Calls <paramref name="call"/> until <paramref name="duration"/> has passed, at least once.</summary>
    public static void Run(Action call, TimeSpan duration)
    {
        long start = Stopwatch.GetTimestamp();
        do
        {
            call();
        }
        while (Stopwatch.GetElapsedTime(start) < duration);
    }
}
