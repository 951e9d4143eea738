using System.Buffers;

namespace Actinf.Causal.Io;

/// <summary>What a <see cref="BifToken"/> is.</summary>
internal enum BifTokenKind
{
    /// <summary>The end of the text.</summary>
    End,

    /// <summary>A name, state, keyword or number: any run of characters that are not separators.</summary>
    Word,

    /// <summary>One of the separators <c>{ } ( ) [ ] , ; |</c>.</summary>
    Symbol,
}

/// <summary>A token: its kind, where it lies in the text and the 1-based line it starts on.</summary>
internal readonly record struct BifToken(BifTokenKind Kind, int Start, int Length, int Line);

/// <summary>
/// Splits BIF text into tokens. Whitespace and the symbols <c>{ } ( ) [ ] , ; |</c> separate tokens; every
/// other run of characters is one word (so <c>0-3_units</c>, <c>&gt;=7.5</c> and <c>Left/Right</c> stay
/// whole). <c>//</c> line comments and <c>/* */</c> block comments are skipped, also where they follow a
/// word without a space. Words are returned as positions into the text, so nothing is allocated per token.
/// </summary>
internal sealed class BifTokenizer
{
    // Characters that can end a word; '/' only ends one when it starts a comment.
    private static readonly SearchValues<char> WordEnd = SearchValues.Create(" \t\r\n\f\v{}()[],;|/");

    private readonly string _text;
    private int _position;
    private int _line = 1;

    /// <summary>Tokenizes <paramref name="text"/>; <paramref name="source"/> names it in error messages.</summary>
    public BifTokenizer(string text, string source)
    {
        _text = text;
        Source = source;
    }

    /// <summary>The file name (or given name) used in error messages.</summary>
    public string Source { get; }

    /// <summary>Reads the next token, or an <see cref="BifTokenKind.End"/> token at the end of the text.</summary>
    /// <exception cref="BifFormatException">A block comment is not closed.</exception>
    public BifToken Next()
    {
        SkipTrivia();
        if (_position >= _text.Length)
        {
            return new BifToken(BifTokenKind.End, _position, 0, _line);
        }

        int start = _position;
        if (IsSymbol(_text[start]))
        {
            _position++;
            return new BifToken(BifTokenKind.Symbol, start, 1, _line);
        }

        ReadOnlySpan<char> rest = _text.AsSpan(start);
        int end = 0;
        while (true)
        {
            int i = rest[end..].IndexOfAny(WordEnd);
            if (i < 0)
            {
                end = rest.Length;
                break;
            }

            end += i;
            if (rest[end] == '/' && !StartsComment(rest, end))
            {
                end++;
                continue;
            }

            break;
        }

        _position = start + end;
        return new BifToken(BifTokenKind.Word, start, end, _line);
    }

    /// <summary>
    /// Skips the rest of a statement up to and including its <c>;</c> (the body of a <c>property</c>),
    /// treating a double-quoted string as opaque.
    /// </summary>
    /// <exception cref="BifFormatException">The text ends before the <c>;</c>.</exception>
    public void SkipStatement(string context)
    {
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            switch (c)
            {
                case ';':
                    return;
                case '\n':
                    _line++;
                    break;
                case '"':
                    int close = _text.IndexOf('"', _position);
                    if (close < 0)
                    {
                        _position = _text.Length;
                        break;
                    }

                    _line += _text.AsSpan(_position, close - _position).Count('\n');
                    _position = close + 1;
                    break;
                default:
                    break;
            }
        }

        throw new BifFormatException(Source, _line, $"expected ';' to end {context} but found end of file.");
    }

    /// <summary>The characters of a token.</summary>
    public ReadOnlySpan<char> Span(BifToken token) => _text.AsSpan(token.Start, token.Length);

    /// <summary>The characters of a token as a new string.</summary>
    public string Text(BifToken token) => _text.Substring(token.Start, token.Length);

    /// <summary>Whether the token is the symbol <paramref name="symbol"/>.</summary>
    public bool IsSymbol(BifToken token, char symbol) => token.Kind == BifTokenKind.Symbol && _text[token.Start] == symbol;

    /// <summary>Whether the token is the word <paramref name="keyword"/> (case sensitive).</summary>
    public bool IsWord(BifToken token, string keyword) => token.Kind == BifTokenKind.Word && Span(token).SequenceEqual(keyword);

    /// <summary>Reads a token that must be <paramref name="symbol"/>.</summary>
    /// <exception cref="BifFormatException">It is not; the message says where and what came instead.</exception>
    public void ExpectSymbol(char symbol, string context)
    {
        BifToken token = Next();
        if (!IsSymbol(token, symbol))
        {
            throw Unexpected(token, $"'{symbol}' {context}");
        }
    }

    /// <summary>Reads a token that must be a word (a name, state or number).</summary>
    /// <exception cref="BifFormatException">It is not; the message says where and what came instead.</exception>
    public BifToken ExpectWord(string expected)
    {
        BifToken token = Next();
        return token.Kind == BifTokenKind.Word ? token : throw Unexpected(token, expected);
    }

    /// <summary>An error "expected X but found Y" at the token's line.</summary>
    public BifFormatException Unexpected(BifToken found, string expected) =>
        new(Source, found.Line, $"expected {expected} but found {Describe(found)}.");

    private string Describe(BifToken token) => token.Kind == BifTokenKind.End ? "end of file" : $"'{Span(token)}'";

    private static bool IsSymbol(char c) => c is '{' or '}' or '(' or ')' or '[' or ']' or ',' or ';' or '|';

    private static bool StartsComment(ReadOnlySpan<char> text, int at) =>
        at + 1 < text.Length && text[at] == '/' && (text[at + 1] == '/' || text[at + 1] == '*');

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\n')
            {
                _line++;
                _position++;
            }
            else if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                _position++;
            }
            else if (StartsComment(_text, _position))
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipComment()
    {
        if (_text[_position + 1] == '/')
        {
            int newline = _text.IndexOf('\n', _position);
            _position = newline < 0 ? _text.Length : newline;
            return;
        }

        int close = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new BifFormatException(Source, _line, "expected '*/' to close the comment opened here but found end of file.");
        }

        _line += _text.AsSpan(_position, close - _position).Count('\n');
        _position = close + 2;
    }
}
