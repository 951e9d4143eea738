using System.Globalization;

namespace Actinf.Causal.Io;

// The syntax pass of BifReader: tokens to declarations, rows and tables, with names still unresolved.
public static partial class BifReader
{
    private sealed record VariableDeclaration(string Name, string[] States, int Line);

    private readonly record struct CptRow(string[] ParentStates, double[] Values, int Line);

    private sealed class ProbabilityBlock(string child, string[] parents, int line)
    {
        public string Child { get; } = child;

        public string[] Parents { get; } = parents;

        public int Line { get; } = line;

        public double[]? Table { get; set; }

        public int TableLine { get; set; }

        public double[]? Default { get; set; }

        public int DefaultLine { get; set; }

        public List<CptRow> Rows { get; } = [];
    }

    private sealed class Document
    {
        public List<VariableDeclaration> Variables { get; } = [];

        public List<ProbabilityBlock> Blocks { get; } = [];
    }

    // First pass: syntax only. Names are resolved in Assemble.
    private sealed class Parser
    {
        private readonly BifTokenizer _tokens;
        private readonly Document _document;
        private readonly List<double> _values = [];
        private readonly List<string> _words = [];
        private readonly HashSet<string> _interned;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _internedLookup;

        public Parser(BifTokenizer tokens, Document document)
        {
            _tokens = tokens;
            _document = document;
            _interned = new HashSet<string>(StringComparer.Ordinal);
            _internedLookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public void ParseDocument()
        {
            while (true)
            {
                BifToken token = _tokens.Next();
                if (token.Kind == BifTokenKind.End)
                {
                    return;
                }

                if (_tokens.IsWord(token, "variable"))
                {
                    ParseVariable(token.Line);
                }
                else if (_tokens.IsWord(token, "probability"))
                {
                    ParseProbability(token.Line);
                }
                else if (_tokens.IsWord(token, "network"))
                {
                    ParseNetwork();
                }
                else
                {
                    throw _tokens.Unexpected(token, "'network', 'variable' or 'probability'");
                }
            }
        }

        // network NAME... { property ...; }
        private void ParseNetwork()
        {
            BifToken token = _tokens.Next();
            while (token.Kind == BifTokenKind.Word)
            {
                token = _tokens.Next();
            }

            if (!_tokens.IsSymbol(token, '{'))
            {
                throw _tokens.Unexpected(token, "'{' after the network name");
            }

            while (true)
            {
                token = _tokens.Next();
                if (_tokens.IsSymbol(token, '}'))
                {
                    return;
                }

                if (!_tokens.IsWord(token, "property"))
                {
                    throw _tokens.Unexpected(token, "'property' or '}' in the network block");
                }

                _tokens.SkipStatement("the network property");
            }
        }

        // variable NAME { type discrete [ k ] { s1, ..., sk }; property ...; }
        private void ParseVariable(int line)
        {
            string name = _tokens.Text(_tokens.ExpectWord("a variable name after 'variable'"));
            _tokens.ExpectSymbol('{', $"after 'variable {name}'");
            string[]? states = null;
            while (true)
            {
                BifToken token = _tokens.Next();
                if (_tokens.IsSymbol(token, '}'))
                {
                    break;
                }

                if (_tokens.IsWord(token, "property"))
                {
                    _tokens.SkipStatement($"a property of variable '{name}'");
                }
                else if (_tokens.IsWord(token, "type"))
                {
                    if (states is not null)
                    {
                        throw new BifFormatException(_tokens.Source, token.Line, $"variable '{name}' has a second 'type' declaration.");
                    }

                    states = ParseType(name);
                }
                else
                {
                    throw _tokens.Unexpected(token, $"'type', 'property' or '}}' in variable '{name}'");
                }
            }

            if (states is null)
            {
                throw new BifFormatException(_tokens.Source, line, $"variable '{name}' has no 'type discrete [ k ] {{ ... }};' declaration.");
            }

            _document.Variables.Add(new VariableDeclaration(name, states, line));
        }

        // discrete [ k ] { s1, ..., sk } ;   (after 'type')
        private string[] ParseType(string name)
        {
            BifToken kind = _tokens.ExpectWord($"'discrete' after 'type' in variable '{name}'");
            if (!_tokens.IsWord(kind, "discrete"))
            {
                throw _tokens.Unexpected(kind, $"'discrete' (the only supported type) in variable '{name}'");
            }

            _tokens.ExpectSymbol('[', $"after 'discrete' in variable '{name}'");
            BifToken countToken = _tokens.ExpectWord($"the number of states of variable '{name}'");
            if (!int.TryParse(_tokens.Span(countToken), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            {
                throw _tokens.Unexpected(countToken, $"the number of states of variable '{name}' (a non-negative integer)");
            }

            _tokens.ExpectSymbol(']', $"after the number of states of variable '{name}'");
            _tokens.ExpectSymbol('{', $"before the states of variable '{name}'");
            ReadWords('}', ListOf.States, name);
            if (_words.Count != count)
            {
                throw new BifFormatException(
                    _tokens.Source,
                    countToken.Line,
                    $"variable '{name}' declares [ {count} ] states but lists {_words.Count} ({string.Join(", ", _words)}).");
            }

            string[] states = [.. _words];
            _tokens.ExpectSymbol(';', $"after the states of variable '{name}'");
            return states;
        }

        // probability ( X | P1, ..., Pn ) { entries }
        private void ParseProbability(int line)
        {
            _tokens.ExpectSymbol('(', "after 'probability'");
            string child = _tokens.Text(_tokens.ExpectWord("a variable name after 'probability ('"));
            BifToken token = _tokens.Next();
            string[] parents = [];
            if (_tokens.IsSymbol(token, '|'))
            {
                ReadWords(')', ListOf.Parents, child);
                parents = [.. _words];
            }
            else if (!_tokens.IsSymbol(token, ')'))
            {
                throw _tokens.Unexpected(token, $"'|' or ')' after 'probability ( {child}'");
            }

            _tokens.ExpectSymbol('{', $"after the header of the probability block of '{child}'");
            var block = new ProbabilityBlock(child, parents, line);
            while (true)
            {
                token = _tokens.Next();
                if (_tokens.IsSymbol(token, '}'))
                {
                    break;
                }

                if (_tokens.IsSymbol(token, '('))
                {
                    ReadWords(')', ListOf.ParentStates, child);
                    string[] parentStates = [.. _words];
                    block.Rows.Add(new CptRow(parentStates, ReadValues(child, "row", parentStates), token.Line));
                }
                else if (_tokens.IsWord(token, "table"))
                {
                    RejectRepeat(block.Table is not null, token, "table", child, block.TableLine);
                    block.Table = ReadValues(child, "table", null);
                    block.TableLine = token.Line;
                }
                else if (_tokens.IsWord(token, "default"))
                {
                    RejectRepeat(block.Default is not null, token, "default", child, block.DefaultLine);
                    block.Default = ReadValues(child, "default row", null);
                    block.DefaultLine = token.Line;
                }
                else if (_tokens.IsWord(token, "property"))
                {
                    _tokens.SkipStatement($"a property of the probability block of '{child}'");
                }
                else
                {
                    throw _tokens.Unexpected(token, $"'(', 'table', 'default', 'property' or '}}' in the probability block of '{child}'");
                }
            }

            _document.Blocks.Add(block);
        }

        private void RejectRepeat(bool repeated, BifToken token, string keyword, string child, int firstLine)
        {
            if (repeated)
            {
                throw new BifFormatException(
                    _tokens.Source,
                    token.Line,
                    $"the probability block of '{child}' has a second '{keyword}' (the first is on line {firstLine}).");
            }
        }

        // Words separated by commas (or whitespace) up to the closing symbol, into _words. Words are interned:
        // the same state names recur in every row.
        private void ReadWords(char close, ListOf list, string owner)
        {
            _words.Clear();
            while (true)
            {
                BifToken token = _tokens.Next();
                if (token.Kind == BifTokenKind.Word)
                {
                    _words.Add(Intern(_tokens.Span(token)));
                }
                else if (_tokens.IsSymbol(token, close))
                {
                    return;
                }
                else if (!_tokens.IsSymbol(token, ','))
                {
                    string what = list switch
                    {
                        ListOf.States => $"a state of variable '{owner}'",
                        ListOf.Parents => $"a parent of '{owner}'",
                        _ => $"a state of a parent of '{owner}'",
                    };
                    throw _tokens.Unexpected(token, $"{what}, ',' or '{close}'");
                }
            }
        }

        private string Intern(ReadOnlySpan<char> word)
        {
            if (_internedLookup.TryGetValue(word, out string? interned))
            {
                return interned;
            }

            string created = word.ToString();
            _interned.Add(created);
            return created;
        }

        // Numbers separated by commas (or whitespace) up to ';'. The error message names the table, the default
        // row or the row's parent states; it is only built when needed.
        private double[] ReadValues(string child, string what, string[]? parentStates)
        {
            _values.Clear();
            while (true)
            {
                BifToken token = _tokens.Next();
                if (token.Kind == BifTokenKind.Word)
                {
                    if (!double.TryParse(_tokens.Span(token), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    {
                        throw _tokens.Unexpected(token, $"a probability in {Describe(child, what, parentStates)}");
                    }

                    _values.Add(value);
                }
                else if (_tokens.IsSymbol(token, ';'))
                {
                    return [.. _values];
                }
                else if (!_tokens.IsSymbol(token, ','))
                {
                    throw _tokens.Unexpected(token, $"a probability, ',' or ';' in {Describe(child, what, parentStates)}");
                }
            }
        }

        private static string Describe(string child, string what, string[]? parentStates) => parentStates is null
            ? $"the {what} of '{child}'"
            : $"the {what} ({string.Join(", ", parentStates)}) of '{child}'";
    }

    private enum ListOf
    {
        States,
        Parents,
        ParentStates,
    }
}
