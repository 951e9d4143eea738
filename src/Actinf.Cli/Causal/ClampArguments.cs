using System.Globalization;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Cli.Causal;

/// <summary>
/// A command-line mistake in a causal query (unknown variable or state, malformed <c>V=s</c>, a bad vector,
/// options that do not combine); the message is one line naming the option and the offending text.
/// </summary>
internal sealed class CausalArgumentException(string message) : Exception(message);

/// <summary>
/// Turns <c>--evidence V=s</c>, <c>--do V=s</c>, <c>--soft V=l1,l2,...</c>, <c>--soft-do V=q1,q2,...</c>,
/// <c>--target</c> and <c>--map</c> arguments into checked names and <see cref="Clamps"/>, with messages that
/// name the option, the variable and what it offers instead.
/// </summary>
internal static class ClampArguments
{
    /// <summary>Builds the clamps of a query; every name, state and vector is checked against <paramref name="network"/>.</summary>
    /// <exception cref="CausalArgumentException">The first bad argument.</exception>
    public static Clamps Build(BayesianNetwork network, IEnumerable<string> evidence, IEnumerable<string> interventions, IEnumerable<string> soft, IEnumerable<string> softDo)
    {
        var clamps = new Clamps();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string text in evidence)
        {
            (Variable v, string state) = ParseState(network, "--evidence", text);
            Claim(owner, v, "--evidence", text);
            clamps.Observe(v.Name, state);
        }

        foreach (string text in interventions)
        {
            (Variable v, string state) = ParseState(network, "--do", text);
            Claim(owner, v, "--do", text);
            clamps.Intervene(v.Name, state);
        }

        foreach (string text in soft)
        {
            (Variable v, double[] lambda) = ParseVector(network, "--soft", text);
            if (Array.TrueForAll(lambda, x => x == 0))
            {
                throw new CausalArgumentException($"--soft {text}: the likelihoods are all zero, which rules out every state of '{v.Name}'.");
            }

            Claim(owner, v, "--soft", text);
            clamps.Likelihood(v.Name, lambda);
        }

        foreach (string text in softDo)
        {
            (Variable v, double[] q) = ParseVector(network, "--soft-do", text);
            double sum = q.Sum();
            if (Math.Abs(sum - 1) > 1e-6)
            {
                throw new CausalArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"--soft-do {text}: the distribution sums to {sum:G6}; the probabilities of the {v.Cardinality} states of '{v.Name}' must sum to 1."));
            }

            Claim(owner, v, "--soft-do", text);
            clamps.SoftIntervene(v.Name, q);
        }

        return clamps;
    }

    /// <summary>
    /// Variable names from repeatable options that also accept comma-separated lists
    /// (<c>--target a --target b</c> or <c>--target a,b</c>), in order, each once.
    /// </summary>
    /// <exception cref="CausalArgumentException">An unknown variable or a repeated one.</exception>
    public static string[] Variables(BayesianNetwork network, string option, IEnumerable<string> values)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            foreach (string part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!network.TryGetVariable(part, out Variable v))
                {
                    throw new CausalArgumentException($"{option} {value}: {UnknownVariable(network, part)}");
                }

                if (!seen.Add(v.Name))
                {
                    throw new CausalArgumentException($"{option}: variable '{v.Name}' is listed twice.");
                }

                names.Add(v.Name);
            }
        }

        return [.. names];
    }

    /// <summary>"unknown variable 'x' in network 'n'" plus a suggestion when a name is close.</summary>
    public static string UnknownVariable(BayesianNetwork network, string name)
    {
        string? suggestion = Closest(name, network.Variables.Select(v => v.Name));
        return suggestion is null
            ? $"unknown variable '{name}' in network '{network.Name}'."
            : $"unknown variable '{name}' in network '{network.Name}' (did you mean '{suggestion}'?).";
    }

    private static void Claim(Dictionary<string, string> owner, Variable v, string option, string text)
    {
        if (owner.TryGetValue(v.Name, out string? first))
        {
            throw new CausalArgumentException($"{option} {text}: '{v.Name}' is already clamped by {first}; a variable takes one clamp per query.");
        }

        owner[v.Name] = $"{option} {text}";
    }

    private static (Variable Variable, string State) ParseState(BayesianNetwork network, string option, string text)
    {
        (Variable v, string value) = SplitAssignment(network, option, text, "STATE");
        if (!v.TryGetStateIndex(value, out _))
        {
            string? suggestion = Closest(value, v.States);
            string hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
            throw new CausalArgumentException($"{option} {text}: '{v.Name}' has no state '{value}' (states: {string.Join(", ", v.States)}){hint}");
        }

        return (v, value);
    }

    private static (Variable Variable, double[] Vector) ParseVector(BayesianNetwork network, string option, string text)
    {
        (Variable v, string value) = SplitAssignment(network, option, text, "P1,P2,...");
        string[] parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != v.Cardinality)
        {
            throw new CausalArgumentException(
                $"{option} {text}: '{v.Name}' has {v.Cardinality} states ({string.Join(", ", v.States)}); give one number per state, in that order.");
        }

        var vector = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x) || x < 0)
            {
                throw new CausalArgumentException($"{option} {text}: '{parts[i]}' (state '{v.States[i]}') is not a finite non-negative number.");
            }

            vector[i] = x;
        }

        return (v, vector);
    }

    /// <summary>
    /// Splits <c>VARIABLE=VALUE</c>. State names may contain '=' (<c>&gt;=7.5</c>), so the split is at the
    /// first '=' whose left part names a variable.
    /// </summary>
    private static (Variable Variable, string Value) SplitAssignment(BayesianNetwork network, string option, string text, string valueName)
    {
        int first = text.IndexOf('=', StringComparison.Ordinal);
        if (first <= 0 || first == text.Length - 1)
        {
            throw new CausalArgumentException($"{option} '{text}': expected VARIABLE={valueName}, e.g. {option} {Example(network, option)}.");
        }

        for (int at = first; at > 0 && at < text.Length - 1; at = text.IndexOf('=', at + 1))
        {
            if (network.TryGetVariable(text[..at].Trim(), out Variable v))
            {
                return (v, text[(at + 1)..].Trim());
            }
        }

        throw new CausalArgumentException($"{option} {text}: {UnknownVariable(network, text[..first].Trim())}");
    }

    private static string Example(BayesianNetwork network, string option)
    {
        Variable v = network[0];
        return option is "--soft" or "--soft-do"
            ? $"{v.Name}={string.Join(',', Enumerable.Repeat((1.0 / v.Cardinality).ToString("0.##", CultureInfo.InvariantCulture), v.Cardinality))}"
            : $"{v.Name}={v.States[0]}";
    }

    /// <summary>The candidate within edit distance 2 (or equal ignoring case) of <paramref name="name"/>, if one is closest.</summary>
    private static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string c in candidates)
        {
            int d = string.Equals(c, name, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(name, c);
            if (d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }

        return bestDistance <= (name.Length >= 5 ? 2 : 1) ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1.</summary>
    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
