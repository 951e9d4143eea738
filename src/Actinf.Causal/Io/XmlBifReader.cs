using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Io;

/// <summary>
/// Reads discrete Bayesian networks in XMLBIF 0.3 (as written by pgmpy's <c>XMLBIFWriter</c>; see
/// <c>docs/spec/causal-fixture-format.md</c>, "XMLBIF copies").
/// </summary>
/// <remarks>
/// Layout: <c>&lt;BIF&gt;&lt;NETWORK&gt;</c> holds one <c>&lt;VARIABLE TYPE="nature"&gt;</c> per variable
/// (<c>&lt;NAME&gt;</c>, then its <c>&lt;OUTCOME&gt;</c>s in state order) and one <c>&lt;DEFINITION&gt;</c> per
/// variable (<c>&lt;FOR&gt;X&lt;/FOR&gt;</c>, <c>&lt;GIVEN&gt;</c> parents in CPT order, <c>&lt;TABLE&gt;</c>
/// whitespace-separated numbers). The table is the CPT of shape (|P1|, ..., |Pk|, |X|) flattened row-major,
/// which is exactly <see cref="BayesianNetwork"/>'s layout. <c>&lt;PROPERTY&gt;</c> elements are ignored;
/// a DTD is skipped and never resolved. Names and states are trimmed of surrounding whitespace. Rows are
/// normalised as <see cref="BifReader"/> does.
/// </remarks>
public static class XmlBifReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
    };

    /// <summary>Reads the XMLBIF file at <paramref name="path"/>; the network is named after the file (without extension).</summary>
    /// <param name="path">Path of an <c>.xml</c> / <c>.xmlbif</c> file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or whitespace.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BifFormatException">Malformed XML, or an element of the layout is missing or holds a bad number
    /// (the message gives file, line, expected and found).</exception>
    /// <exception cref="NetworkValidationException">The network is malformed: unknown variable, duplicate variable,
    /// a table of the wrong size, a cycle, or a row that does not sum to 1 (the message names the file and the variable).</exception>
    public static BayesianNetwork ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        using var reader = XmlReader.Create(stream, Settings);
        return Read(reader, Path.GetFileNameWithoutExtension(path), Path.GetFileName(path));
    }

    /// <summary>Parses XMLBIF text into a network called <paramref name="name"/>.</summary>
    /// <param name="xml">The XML text.</param>
    /// <param name="name">The network's name; also names the text in error messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="xml"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or whitespace.</exception>
    /// <exception cref="BifFormatException">See <see cref="ReadFile"/>.</exception>
    /// <exception cref="NetworkValidationException">See <see cref="ReadFile"/>.</exception>
    public static BayesianNetwork Parse(string xml, string name)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, Settings);
        return Read(reader, name, name);
    }

    private static BayesianNetwork Read(XmlReader reader, string name, string source)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new BifFormatException(source, e.LineNumber, $"malformed XML: {e.Message}", e);
        }

        XElement root = document.Root!;
        if (root.Name != "BIF")
        {
            throw new BifFormatException(source, LineOf(root), $"expected the root element <BIF> but found <{root.Name}>.");
        }

        XElement network = root.Element("NETWORK")
            ?? throw new BifFormatException(source, LineOf(root), "expected a <NETWORK> element in <BIF> but found none.");

        var builder = new NetworkBuilder(name);
        int line = 0;
        try
        {
            foreach (XElement variable in network.Elements("VARIABLE"))
            {
                line = LineOf(variable);
                string type = (string?)variable.Attribute("TYPE") ?? "nature";
                string variableName = RequiredText(variable, "NAME", source);
                if (type != "nature")
                {
                    throw new BifFormatException(
                        source, line, $"expected TYPE=\"nature\" (a chance variable) but found TYPE=\"{type}\" on variable '{variableName}'.");
                }

                string[] outcomes = [.. variable.Elements("OUTCOME").Select(o => o.Value.Trim())];
                builder.AddVariable(variableName, outcomes);
            }

            foreach (XElement definition in network.Elements("DEFINITION"))
            {
                line = LineOf(definition);
                string child = RequiredText(definition, "FOR", source);
                string[] parents = [.. definition.Elements("GIVEN").Select(g => g.Value.Trim())];
                XElement table = definition.Element("TABLE")
                    ?? throw new BifFormatException(source, line, $"expected a <TABLE> in the <DEFINITION> of '{child}' but found none.");
                builder.SetTable(child, parents, ParseTable(table, child, source));
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

    private static string RequiredText(XElement parent, string element, string source)
    {
        string text = parent.Element(element)?.Value.Trim() ?? "";
        return text.Length > 0
            ? text
            : throw new BifFormatException(source, LineOf(parent), $"expected a non-empty <{element}> in <{parent.Name}> but found none.");
    }

    // Whitespace-separated numbers.
    private static double[] ParseTable(XElement table, string child, string source)
    {
        var values = new List<double>();
        ReadOnlySpan<char> text = table.Value;
        int i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                return [.. values];
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            ReadOnlySpan<char> number = text[start..i];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new BifFormatException(source, LineOf(table), $"expected a probability in the <TABLE> of '{child}' but found '{number}'.");
            }

            values.Add(value);
        }
    }

    private static int LineOf(XElement element) => ((IXmlLineInfo)element).LineNumber;
}
