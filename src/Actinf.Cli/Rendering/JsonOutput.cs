using System.Text;
using System.Text.Json;

namespace Actinf.Cli.Rendering;

/// <summary>Writes one JSON document, produced by a <see cref="Utf8JsonWriter"/>, as a line of text output.</summary>
internal static class JsonOutput
{
    /// <summary>Runs <paramref name="body"/> on a writer and prints what it wrote, followed by a newline.</summary>
    public static void Write(TextWriter output, bool indented, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            body(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
