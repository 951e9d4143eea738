using BenchmarkDotNet.Parameters;
using BenchmarkDotNet.Running;

namespace Actinf.Bench.Runner;

/// <summary>
/// The subset of cases a quick run measures: every suite and every method, on fewer benchmark models.
/// </summary>
/// <remarks>
/// A class with a <see cref="ModelParameter"/> parameter keeps the cases whose model is in
/// <see cref="Models"/>; when none of its models is, it keeps those of its first model, so every class is
/// measured. Classes without that parameter keep every case. Other parameters (shortcut settings,
/// algorithms) are never thinned out: they are what the comparisons are about.
/// </remarks>
public static class QuickSelection
{
    /// <summary>The parameter that names a benchmark model (<c>[ParamsSource]</c> over tests/data/bench-models).</summary>
    public const string ModelParameter = "Model";

    /// <summary>
    /// The models of a quick run: small and medium ones that between them cover one and several factors, policy
    /// trees (T = 1, 2, 3), sparse transitions, MMP and learning.
    /// </summary>
    public static IReadOnlySet<string> Models { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "tmaze", "tmaze_plen2", "grid3x3_plen1", "grid7x7_plen3", "learn_AB", "mmp_h3",
    };

    /// <summary>The quick subset of one class's cases, in their order.</summary>
    /// <param name="cases">Cases of one benchmark class.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cases"/> is null.</exception>
    public static IReadOnlyList<BenchmarkCase> Select(IReadOnlyList<BenchmarkCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        string?[] models = [.. cases.Select(ModelOf)];
        if (models.All(m => m is null))
        {
            return cases;
        }

        bool anyQuick = models.Any(m => m is not null && Models.Contains(m));
        string? first = models.FirstOrDefault(m => m is not null);
        return [.. cases.Where((_, i) => models[i] is null || (anyQuick ? Models.Contains(models[i]!) : models[i] == first))];
    }

    private static string? ModelOf(BenchmarkCase benchmarkCase)
    {
        foreach (ParameterInstance p in benchmarkCase.Parameters.Items)
        {
            if (p.Name == ModelParameter && p.Value is string model)
            {
                return model;
            }
        }

        return null;
    }
}
