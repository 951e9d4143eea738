using System.Reflection;
using BenchmarkDotNet.Parameters;
using BenchmarkDotNet.Running;

namespace Actinf.Bench.Runner;

/// <summary>
/// Runs the untimed metric passes of <see cref="ISuiteMetrics"/> classes and derives the <c>speedup</c> of
/// <see cref="SpeedupOverBaselineAttribute"/> classes.
/// </summary>
public static class CaseMetrics
{
    /// <summary>The metric <c>speedup</c>: median of the baseline ÷ median of the case (×).</summary>
    public const string Speedup = "speedup";

    /// <summary>
    /// Computes the metrics of every case that has any: one instance of the class per parameter combination,
    /// parameters set as BenchmarkDotNet sets them, then <see cref="ISuiteMetrics.ComputeMetrics"/> per method.
    /// </summary>
    /// <param name="cases">The cases.</param>
    /// <param name="onError">Called for each case whose class could not be built or whose metric pass threw; that case gets no metrics and the others go on. Null rethrows.</param>
    /// <returns>Metrics per case (cases of classes without metrics, and failed ones, are absent).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cases"/> is null.</exception>
    public static Dictionary<BenchmarkCase, IReadOnlyDictionary<string, double>> Compute(IEnumerable<BenchmarkCase> cases, Action<BenchmarkCase, Exception>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = new Dictionary<BenchmarkCase, IReadOnlyDictionary<string, double>>();
        foreach (IGrouping<(Type Type, string Parameters), BenchmarkCase> group in cases
            .Where(c => typeof(ISuiteMetrics).IsAssignableFrom(c.Descriptor.Type))
            .GroupBy(c => (c.Descriptor.Type, BenchmarkIds.ParameterText(c.Parameters))))
        {
            ISuiteMetrics instance;
            try
            {
                instance = (ISuiteMetrics)Activator.CreateInstance(group.Key.Type)!;
                SetParameters(instance, group.First().Parameters);
            }
            catch (Exception e) when (onError is not null)
            {
                foreach (BenchmarkCase benchmarkCase in group)
                {
                    onError(benchmarkCase, e is TargetInvocationException { InnerException: { } inner } ? inner : e);
                }

                continue;
            }

            foreach (BenchmarkCase benchmarkCase in group)
            {
                try
                {
                    results[benchmarkCase] = instance.ComputeMetrics(benchmarkCase.Descriptor.WorkloadMethod.Name);
                }
                catch (Exception e) when (onError is not null)
                {
                    onError(benchmarkCase, e);
                }
            }
        }

        return results;
    }

    /// <summary>
    /// The speedup of each non-baseline case of a <see cref="SpeedupOverBaselineAttribute"/> class over the
    /// baseline case with the same parameters: <c>baseline median / case median</c>.
    /// </summary>
    /// <param name="medians">Median ns per operation of every measured case.</param>
    /// <returns>The speedup per case that has one (cases whose baseline was not measured are absent).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="medians"/> is null.</exception>
    public static Dictionary<BenchmarkCase, double> Speedups(IReadOnlyDictionary<BenchmarkCase, double> medians)
    {
        ArgumentNullException.ThrowIfNull(medians);
        var speedups = new Dictionary<BenchmarkCase, double>();
        foreach (IGrouping<(Type Type, string Parameters), BenchmarkCase> group in medians.Keys
            .Where(c => c.Descriptor.Type.IsDefined(typeof(SpeedupOverBaselineAttribute), inherit: true))
            .GroupBy(c => (c.Descriptor.Type, BenchmarkIds.ParameterText(c.Parameters))))
        {
            BenchmarkCase? baseline = group.FirstOrDefault(c => c.Descriptor.Baseline);
            if (baseline is null)
            {
                continue;
            }

            foreach (BenchmarkCase benchmarkCase in group.Where(c => !c.Descriptor.Baseline))
            {
                double ratio = medians[baseline] / medians[benchmarkCase];
                if (double.IsFinite(ratio))
                {
                    speedups[benchmarkCase] = ratio;
                }
            }
        }

        return speedups;
    }

    /// <summary>Sets BenchmarkDotNet parameters (<c>[Params]</c>, <c>[ParamsSource]</c>, ...) on an instance: public properties or fields, static or not.</summary>
    /// <param name="instance">The benchmark class instance.</param>
    /// <param name="parameters">The case's parameters; arguments of methods are skipped.</param>
    /// <exception cref="InvalidOperationException">A parameter names no settable public member.</exception>
    public static void SetParameters(object instance, ParameterInstances parameters)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(parameters);
        Type type = instance.GetType();
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        foreach (ParameterInstance p in parameters.Items.Where(p => !p.IsArgument))
        {
            if (type.GetProperty(p.Name, Flags) is { CanWrite: true } property)
            {
                property.SetValue(property.GetSetMethod()!.IsStatic ? null : instance, p.Value);
            }
            else if (type.GetField(p.Name, Flags) is { } field)
            {
                field.SetValue(field.IsStatic ? null : instance, p.Value);
            }
            else
            {
                throw new InvalidOperationException($"{type.Name} has no settable public property or field '{p.Name}' for its parameter.");
            }
        }
    }
}
