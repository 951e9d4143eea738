using System.Globalization;
using System.Text;
using BenchmarkDotNet.Parameters;
using BenchmarkDotNet.Running;

namespace Actinf.Bench.Runner;

/// <summary>
/// Stable benchmark ids: <c>suite/Class.Method(param=value,...)</c>, the key <c>bench compare</c> and
/// <c>bench gate</c> match results on across runs.
/// </summary>
/// <remarks>
/// <para>The id is built from names and values only, never from BenchmarkDotNet's display text (which depends
/// on the job, column widths and culture): the class's short name, the method name, then every parameter and
/// argument as <c>name=value</c>, ordered by name (so neither declaration order nor BenchmarkDotNet's own order
/// matters), joined by commas without spaces. Parameter names start
/// with a lower-case letter (<c>Model</c> → <c>model</c>); values are formatted with the invariant culture,
/// enums by name (flag combinations joined by <c>|</c>), booleans as <c>true</c>/<c>false</c>. A case without
/// parameters has no parentheses.</para>
/// <para>Example: <c>inference/AgentStepBenchmarks.Step(model=tmaze,shortcuts=All)</c>.</para>
/// </remarks>
public static class BenchmarkIds
{
    /// <summary>The id of a BenchmarkDotNet case in a suite.</summary>
    /// <param name="suite">The suite name.</param>
    /// <param name="benchmarkCase">The case.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Of(string suite, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var id = new StringBuilder();
        id.Append(suite).Append('/')
            .Append(benchmarkCase.Descriptor.Type.Name).Append('.')
            .Append(benchmarkCase.Descriptor.WorkloadMethod.Name);
        AppendParameters(id, benchmarkCase.Parameters);
        return id.ToString();
    }

    /// <summary>The parameter part of an id, <c>(name=value,...)</c>, or empty when there are none.</summary>
    /// <param name="parameters">The case's parameters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static string ParameterText(ParameterInstances parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder();
        AppendParameters(text, parameters);
        return text.ToString();
    }

    /// <summary>Formats one parameter value the way ids do.</summary>
    /// <param name="value">The value (null allowed).</param>
    public static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        Enum e => e.ToString().Replace(", ", "|", StringComparison.Ordinal),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void AppendParameters(StringBuilder id, ParameterInstances parameters)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        id.Append('(');
        bool first = true;
        foreach (ParameterInstance p in parameters.Items.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            if (!first)
            {
                id.Append(',');
            }

            first = false;
            id.Append(LowerFirst(p.Name)).Append('=').Append(FormatValue(p.Value));
        }

        id.Append(')');
    }

    private static string LowerFirst(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
