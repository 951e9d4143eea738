using Actinf.Causal.Networks;

namespace Actinf.Causal.Io;

/// <summary>
/// Reads discrete Bayesian networks in BIF, the bnlearn repository dialect (see
/// <c>docs/spec/causal-fixture-format.md</c>, "BIF dialect in these files").
/// </summary>
/// <remarks>
/// <para>
/// Grammar: a sequence of <c>network NAME { }</c>, <c>variable NAME { type discrete [ k ] { s1, ..., sk }; }</c>
/// and <c>probability ( X | P1, ..., Pn ) { ... }</c> blocks, in any order. A probability block holds
/// <c>(p1, ..., pn) x1, ..., xk;</c> rows (one per parent configuration, in any order, the child's states
/// in declaration order), a <c>default x1, ..., xk;</c> row for every configuration not listed, or a
/// <c>table v1, ...;</c> (for a root the distribution; with parents the values are child-major: child
/// state slowest, last parent fastest, the reading of pgmpy's BIFReader). <c>property ... ;</c> statements,
/// <c>//</c> and <c>/* */</c> comments are skipped. Tokens are separated by whitespace and
/// <c>{ } ( ) [ ] , ; |</c>; any other run of characters is a name, a state or a number.
/// </para>
/// <para>
/// CPT rows are divided by their sums when the network is built (the bnlearn files carry rounding
/// errors up to 3e-7); a row whose sum is further than <see cref="NetworkBuilder.DefaultRowSumTolerance"/>
/// from 1 is an error. The network is named after the file, not after the <c>network</c> block.
/// </para>
/// </remarks>
public static partial class BifReader
{
    /// <summary>Reads the BIF file at <paramref name="path"/>; the network is named after the file (without extension).</summary>
    /// <param name="path">Path of a <c>.bif</c> file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or whitespace.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BifFormatException">The file is not well formed (the message gives file, line, expected and found).</exception>
    /// <exception cref="NetworkValidationException">The network is malformed: unknown variable or state, duplicate variable,
    /// missing row, cycle, or a row that does not sum to 1 (the message names the file, the variable and where possible the line).</exception>
    public static BayesianNetwork ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text = File.ReadAllText(path);
        return Parse(text, Path.GetFileNameWithoutExtension(path), Path.GetFileName(path));
    }

    /// <summary>Parses BIF text into a network called <paramref name="name"/>.</summary>
    /// <param name="text">The BIF text.</param>
    /// <param name="name">The network's name; also names the text in error messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or whitespace.</exception>
    /// <exception cref="BifFormatException">The text is not well formed (the message gives line, expected and found).</exception>
    /// <exception cref="NetworkValidationException">The network is malformed (see <see cref="ReadFile"/>).</exception>
    public static BayesianNetwork Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Parse(text, name, name);
    }

    private static BayesianNetwork Parse(string text, string name, string source)
    {
        var document = new Document();
        new Parser(new BifTokenizer(text, source), document).ParseDocument();
        return Assemble(document, name, source);
    }

    // Second pass: the whole file has been read, so blocks may come in any order.
    private static BayesianNetwork Assemble(Document document, string name, string source)
    {
        var builder = new NetworkBuilder(name);
        var states = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var firstBlock = new Dictionary<string, int>(StringComparer.Ordinal);
        int line = 0;
        try
        {
            foreach (VariableDeclaration declaration in document.Variables)
            {
                line = declaration.Line;
                builder.AddVariable(declaration.Name, declaration.States);
                states.Add(declaration.Name, declaration.States);
            }

            foreach (ProbabilityBlock block in document.Blocks)
            {
                line = block.Line;
                if (!firstBlock.TryAdd(block.Child, block.Line))
                {
                    throw new NetworkValidationException(
                        $"second probability block for '{block.Child}' (the first is on line {firstBlock[block.Child]}).");
                }

                int rows = CheckVariables(block, states, name);
                if (block.Table is not null)
                {
                    line = block.TableLine;
                    builder.SetTable(block.Child, block.Parents, ChildMajorToRowMajor(block, block.Table, rows, states[block.Child].Length));
                }

                foreach (CptRow row in block.Rows)
                {
                    line = row.Line;
                    builder.SetRow(block.Child, block.Parents, row.ParentStates, row.Values);
                }

                if (block.Default is not null)
                {
                    line = block.DefaultLine;
                    builder.SetDefaultRow(block.Child, block.Parents, block.Default);
                }
            }
        }
        catch (NetworkValidationException e)
        {
            throw new NetworkValidationException($"{source} line {line}: {e.Message}", e);
        }

        try
        {
            return builder.Build();
        }
        catch (NetworkValidationException e)
        {
            throw new NetworkValidationException($"{source}: {e.Message}", e);
        }
    }

    // Returns the number of parent configurations.
    private static int CheckVariables(ProbabilityBlock block, Dictionary<string, string[]> states, string network)
    {
        if (!states.ContainsKey(block.Child))
        {
            throw new NetworkValidationException($"unknown variable '{block.Child}' (a probability table) in network '{network}'.");
        }

        int rows = 1;
        foreach (string parent in block.Parents)
        {
            if (!states.TryGetValue(parent, out string[]? parentStates))
            {
                throw new NetworkValidationException($"unknown variable '{parent}' (parent of '{block.Child}') in network '{network}'.");
            }

            rows = checked(rows * parentStates.Length);
        }

        return rows;
    }

    // BIF's table lists value (s, r) at s * rows + r (child state slowest); ours holds it at r * k + s.
    private static double[] ChildMajorToRowMajor(ProbabilityBlock block, double[] table, int rows, int cardinality)
    {
        if (table.Length != rows * cardinality)
        {
            throw new NetworkValidationException(
                $"table of '{block.Child}' has {table.Length} values; expected {rows * cardinality} ({rows} parent configurations x {cardinality} states).");
        }

        var cpt = new double[table.Length];
        for (int s = 0; s < cardinality; s++)
        {
            for (int r = 0; r < rows; r++)
            {
                cpt[(r * cardinality) + s] = table[(s * rows) + r];
            }
        }

        return cpt;
    }
}
