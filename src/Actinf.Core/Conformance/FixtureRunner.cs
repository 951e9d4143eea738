using System.Text.Json;

namespace Actinf.Core.Conformance;

/// <summary>
/// Runs actinf-fixture/1 reference fixtures (pymdp and SPM outputs) against the engine and reports the
/// largest deviation and every mismatch beyond the fixture's tolerance.
/// </summary>
public static class FixtureRunner
{
    /// <summary>The fixture format this runner reads.</summary>
    public const string Format = "actinf-fixture/1";

    /// <summary>
    /// Expands files and folders into fixture files: a folder means every <c>*.json</c> under it,
    /// recursively, in ordinal path order.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (string p in paths)
        {
            if (Directory.Exists(p))
            {
                string[] found = Directory.GetFiles(p, "*.json", SearchOption.AllDirectories);
                Array.Sort(found, StringComparer.Ordinal);
                files.AddRange(found);
            }
            else if (File.Exists(p))
            {
                files.Add(p);
            }
            else
            {
                throw new FileNotFoundException($"No fixture file or folder at '{p}'.", p);
            }
        }

        return files;
    }

    /// <summary>Runs one fixture file. Errors inside the fixture become failures, never exceptions.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static FixtureResult RunFile(string path)
    {
        string json = File.ReadAllText(path);
        return Run(json, path);
    }

    /// <summary>Runs a fixture given as JSON text; <paramref name="path"/> is used in messages.</summary>
    public static FixtureResult Run(string json, string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new FixtureResult(System.IO.Path.GetFileNameWithoutExtension(path), path, "?", "?", 0, 0, 0, [$"not valid JSON: {e.Message}"]);
        }

        using (doc)
        {
            JsonElement root = doc.RootElement;
            string name = root.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()!
                : System.IO.Path.GetFileNameWithoutExtension(path);
            string kind = root.TryGetProperty("kind", out JsonElement k) ? k.GetString() ?? "?" : "?";
            string source = root.TryGetProperty("source", out JsonElement s) ? s.GetString() ?? "?" : "?";
            string format = root.TryGetProperty("format", out JsonElement f) ? f.GetString() ?? string.Empty : string.Empty;
            if (format != Format)
            {
                return new FixtureResult(name, path, kind, source, 0, 0, 0, [$"format is '{format}', expected '{Format}'."]);
            }

            double atol = 1e-8;
            double rtol = 1e-8;
            if (root.TryGetProperty("tolerance", out JsonElement tol))
            {
                atol = tol.TryGetProperty("atol", out JsonElement a) ? a.GetDouble() : atol;
                rtol = tol.TryGetProperty("rtol", out JsonElement r) ? r.GetDouble() : rtol;
            }

            var comparer = new FixtureComparer(atol, rtol);
            int count = 0;
            try
            {
                count = kind switch
                {
                    "agent" => AgentFixture.Run(root, source, comparer),
                    "component" => ComponentFixture.Run(root, comparer),
                    _ => throw new FormatException($"kind '{kind}' is not 'agent' or 'component'."),
                };
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or Models.ModelValidationException or KeyNotFoundException or JsonException or IndexOutOfRangeException)
            {
                comparer.Fail($"{e.GetType().Name}: {e.Message}");
            }

            return new FixtureResult(name, path, kind, source, count, comparer.Compared, comparer.MaxAbsError, [.. comparer.Failures]);
        }
    }
}
