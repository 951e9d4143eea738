using System.Buffers;
using System.Globalization;
using System.Text;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Io;

/// <summary>
/// Writes a <see cref="BayesianNetwork"/> in the BIF dialect that <see cref="BifReader"/> reads, so that
/// <c>BifReader.Parse(BifWriter.Write(n), n.Name)</c> has the same variables, states, parents and CPT values.
/// </summary>
/// <remarks>
/// Layout: a <c>network</c> block, one <c>variable</c> block per variable in index order, then one
/// <c>probability</c> block per variable: <c>table</c> for a root, otherwise one <c>(parent states)</c> row per
/// parent configuration (first parent slowest). Numbers use the round-trip ("R") format under the invariant
/// culture, and lines end with <c>\n</c>. Reading divides each row by its sum again, which can move a value
/// by an ulp or so; the values are otherwise exact.
/// </remarks>
public static class BifWriter
{
    private static readonly SearchValues<char> NotInToken = SearchValues.Create(" \t\r\n\f\v{}()[],;|");

    /// <summary>The BIF text of <paramref name="network"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException">A variable or state name cannot be written as one BIF token (it contains
    /// whitespace, one of <c>{ } ( ) [ ] , ; |</c>, or <c>//</c> or <c>/*</c>); the message names it.</exception>
    public static string Write(BayesianNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var text = new StringBuilder();
        text.Append("network ").Append(IsToken(network.Name) ? network.Name : "unknown").Append(" {\n}\n");
        foreach (Variable variable in network.Variables)
        {
            if (!IsToken(variable.Name))
            {
                throw new ArgumentException(Unwritable($"variable name '{variable.Name}'"), nameof(network));
            }

            foreach (string state in variable.States)
            {
                if (!IsToken(state))
                {
                    throw new ArgumentException(Unwritable($"state '{state}' of variable '{variable.Name}'"), nameof(network));
                }
            }

            text.Append("variable ").Append(variable.Name).Append(" {\n  type discrete [ ")
                .Append(variable.Cardinality.ToString(CultureInfo.InvariantCulture)).Append(" ] { ")
                .AppendJoin(", ", variable.States).Append(" };\n}\n");
        }

        foreach (Variable variable in network.Variables)
        {
            WriteProbability(text, network, variable);
        }

        return text.ToString();
    }

    /// <summary>Writes the BIF text of <paramref name="network"/> to <paramref name="path"/> (UTF-8, no BOM).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or whitespace, or a name cannot be
    /// written (see <see cref="Write"/>).</exception>
    public static void WriteFile(BayesianNetwork network, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, Write(network));
    }

    private static void WriteProbability(StringBuilder text, BayesianNetwork network, Variable variable)
    {
        ReadOnlySpan<int> parents = network.ParentsOf(variable.Index);
        ReadOnlySpan<double> cpt = network.CptOf(variable.Index);
        int k = variable.Cardinality;
        text.Append("probability ( ").Append(variable.Name);
        for (int p = 0; p < parents.Length; p++)
        {
            text.Append(p == 0 ? " | " : ", ").Append(network[parents[p]].Name);
        }

        text.Append(" ) {\n");
        if (parents.Length == 0)
        {
            text.Append("  table ");
            AppendValues(text, cpt);
        }
        else
        {
            var stateOf = new int[parents.Length];
            for (int row = 0; row < cpt.Length / k; row++)
            {
                // Decode the row index into parent states, last parent fastest.
                int rest = row;
                for (int p = parents.Length - 1; p >= 0; p--)
                {
                    int cardinality = network[parents[p]].Cardinality;
                    stateOf[p] = rest % cardinality;
                    rest /= cardinality;
                }

                text.Append("  (");
                for (int p = 0; p < parents.Length; p++)
                {
                    text.Append(p == 0 ? "" : ", ").Append(network[parents[p]].States[stateOf[p]]);
                }

                text.Append(") ");
                AppendValues(text, cpt.Slice(row * k, k));
            }
        }

        text.Append("}\n");
    }

    private static void AppendValues(StringBuilder text, ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }

        text.Append(";\n");
    }

    private static bool IsToken(string name) =>
        name.Length > 0
        && !name.AsSpan().ContainsAny(NotInToken)
        && !name.Contains("//", StringComparison.Ordinal)
        && !name.Contains("/*", StringComparison.Ordinal);

    private static string Unwritable(string what) =>
        $"{what} cannot be written as BIF: a name may not contain whitespace, any of {{ }} ( ) [ ] , ; | or a comment start (// or /*).";
}
