using Actinf.Bench.Workloads;
using Actinf.Core.Agents;
using Actinf.Core.Models;
using Actinf.Core.Tensors;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Caching;

/// <summary>
/// Compressed-row transitions (<see cref="ComputeShortcuts.SparseTransitions"/>) on and off: transition matrices
/// with at most a quarter non-zero entries multiply through a compressed-row copy.
/// </summary>
/// <remarks>
/// <para>A representation rather than a cache, so there is no hit rate. Metrics of the <c>On</c> case:
/// <c>transition_matrices</c> (one per factor and action), <c>sparse_matrices</c> (those stored compressed),
/// <c>nonzero_fraction</c> (non-zero entries of B over all entries), <c>memory_overhead_bytes</c> (the
/// compressed copies), <c>max_deviation</c> (sparse products sum in another order, so a difference of rounding
/// size is expected, unlike the other shortcuts) and <c>steps</c>.</para>
/// </remarks>
[BenchmarkCategory("caching")]
public class SparseTransitionsBenchmarks : ShortcutBenchmarks
{
    // LinearOperator stores a matrix compressed when at most this fraction of its entries is non-zero.
    private const double SparseDensity = 0.25;

    /// <summary>Grid worlds: deterministic moves, one non-zero per column.</summary>
    public static IEnumerable<string> Models => ["grid7x7_plen3", "grid15x15_plen1"];

    /// <summary>The benchmark model.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "grid7x7_plen3";

    /// <inheritdoc/>
    public override ComputeShortcuts Shortcut => ComputeShortcuts.SparseTransitions;

    /// <inheritdoc/>
    protected override string ModelName => Model;

    /// <summary>Counts the transition matrices B[f][:, :, u], those sparse enough to be stored compressed, and the non-zero fraction of all entries.</summary>
    /// <param name="model">A generative model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static (int Matrices, int Sparse, double NonzeroFraction) Density(GenerativeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int matrices = 0;
        int sparse = 0;
        long nonzero = 0;
        long entries = 0;
        foreach (Tensor b in model.Transitions)
        {
            // Layout [Ns, Ns, Nc]: entry (i, j, u) at (i * Ns + j) * Nc + u.
            int ns = b.ShapeSpan[0];
            int nc = b.ShapeSpan[2];
            ReadOnlySpan<double> values = b.Span;
            for (int u = 0; u < nc; u++)
            {
                int count = 0;
                for (int ij = 0; ij < ns * ns; ij++)
                {
                    if (values[(ij * nc) + u] != 0)
                    {
                        count++;
                    }
                }

                matrices++;
                sparse += count <= Math.Ceiling(SparseDensity * ns * ns) ? 1 : 0;
                nonzero += count;
                entries += (long)ns * ns;
            }
        }

        return (matrices, sparse, entries == 0 ? 0 : (double)nonzero / entries);
    }

    /// <inheritdoc/>
    protected override void AddMetrics(ShortcutComparison comparison, bool on, IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(metrics);
        if (!on)
        {
            return;
        }

        AddCommonMetrics(comparison, metrics);
        metrics.Remove("cache_bytes");
        (int matrices, int sparse, double fraction) = Density(BenchModels.Load(Model).Model);
        metrics["transition_matrices"] = matrices;
        metrics["sparse_matrices"] = sparse;
        metrics["nonzero_fraction"] = fraction;
    }
}
