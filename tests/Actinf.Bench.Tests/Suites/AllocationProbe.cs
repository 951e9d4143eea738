namespace Actinf.Bench.Tests.Suites;

/// <summary>Steady-state allocation of a call on the current thread (what BenchmarkDotNet's GcStats measure).</summary>
internal static class AllocationProbe
{
    /// <summary>
    /// The fewest bytes allocated over <paramref name="calls"/> calls, in any of <paramref name="windows"/>
    /// consecutive windows. A call that allocates does so in every window; the JIT's one-off allocations when it
    /// re-compiles a hot method at a higher tier (a few hundred bytes, whenever the tier-up lands) only in one.
    /// </summary>
    public static long SteadyStateBytes(Action call, int calls = 20, int windows = 3)
    {
        long fewest = long.MaxValue;
        for (int w = 0; w < windows; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++)
            {
                call();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
