using System.Globalization;
using System.Text.Json;

namespace Actinf.Causal.Conformance;

/// <summary>
/// A parsed <c>causal-fixtures/1</c> file (docs/spec/causal-fixture-format.md): the network it refers to by
/// file name, its tolerances and its queries with their expected answers.
/// </summary>
public sealed class CausalFixture
{
    /// <summary>The format this reader understands.</summary>
    public const string Format = "causal-fixtures/1";

    /// <summary>Relative tolerance of <c>evidence_probability</c> and <c>probability</c> (fixed by the spec).</summary>
    public const double DefaultRelativeTolerance = 1e-6;

    /// <summary>Default absolute tolerance of probabilities when the file gives none.</summary>
    public const double DefaultProbabilityTolerance = 1e-6;

    /// <summary>Default absolute tolerance of log-probabilities when the file gives none.</summary>
    public const double DefaultLogProbabilityTolerance = 1e-6;

    /// <summary>The network's file name (<c>"alarm.bif"</c>).</summary>
    public required string Network { get; init; }

    /// <summary>Where the network lies (<c>shared</c> or <c>hidden</c>), or null.</summary>
    public string? NetworkLocation { get; init; }

    /// <summary>SHA-256 of the network file as lower-case hex, or null when the fixture gives none.</summary>
    public string? NetworkSha256 { get; init; }

    /// <summary><c>public</c>, <c>extra</c> or <c>hidden</c> (null when absent).</summary>
    public string? Set { get; init; }

    /// <summary>What produced the expected numbers (informative).</summary>
    public string? Generator { get; init; }

    /// <summary>Absolute tolerance of probabilities (marginals, joint, posterior and runner-up probabilities).</summary>
    public double ProbabilityTolerance { get; init; } = DefaultProbabilityTolerance;

    /// <summary>Absolute tolerance of log-probabilities.</summary>
    public double LogProbabilityTolerance { get; init; } = DefaultLogProbabilityTolerance;

    /// <summary>Relative tolerance of <c>evidence_probability</c> and <c>probability</c>.</summary>
    public double RelativeTolerance { get; init; } = DefaultRelativeTolerance;

    /// <summary>The queries in file order.</summary>
    public required IReadOnlyList<CausalQuery> Queries { get; init; }

    /// <summary>Reads and parses a fixture file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">The file is not valid <c>causal-fixtures/1</c> JSON; the message names the query and field.</exception>
    public static CausalFixture Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path));
    }

    /// <summary>Parses fixture JSON text.</summary>
    /// <exception cref="FormatException">Not valid <c>causal-fixtures/1</c> JSON; the message names the query and field.</exception>
    public static CausalFixture Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    /// <summary>Whether a JSON document's root declares <c>"format": "causal-fixtures/1"</c> (a cheap check before parsing).</summary>
    public static bool IsCausalFixture(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("format", out JsonElement f)
        && f.ValueKind == JsonValueKind.String
        && f.GetString() == Format;

    /// <summary>Parses a fixture from its root JSON element.</summary>
    /// <exception cref="FormatException">Not valid <c>causal-fixtures/1</c>; the message names the query and field.</exception>
    public static CausalFixture Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a causal fixture is a JSON object.");
        }

        string format = OptionalString(root, "format", "fixture") ?? string.Empty;
        if (format != Format)
        {
            throw new FormatException($"format is '{format}', expected '{Format}'.");
        }

        double probabilityAbs = DefaultProbabilityTolerance;
        double logAbs = DefaultLogProbabilityTolerance;
        double relative = DefaultRelativeTolerance;
        if (root.TryGetProperty("tolerance", out JsonElement tolerance) && tolerance.ValueKind == JsonValueKind.Object)
        {
            probabilityAbs = OptionalNumber(tolerance, "probability_abs", "tolerance") ?? probabilityAbs;
            logAbs = OptionalNumber(tolerance, "log_probability_abs", "tolerance") ?? logAbs;
            relative = OptionalNumber(tolerance, "probability_rel", "tolerance") ?? relative;
        }

        if (!root.TryGetProperty("queries", out JsonElement queriesElement) || queriesElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("fixture has no \"queries\" array.");
        }

        var queries = new List<CausalQuery>(queriesElement.GetArrayLength());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int position = 0;
        foreach (JsonElement q in queriesElement.EnumerateArray())
        {
            CausalQuery query = ParseQuery(q, position++);
            if (!ids.Add(query.Id))
            {
                throw new FormatException($"query id '{query.Id}' appears twice.");
            }

            queries.Add(query);
        }

        string? sha = OptionalString(root, "network_sha256", "fixture");
        return new CausalFixture
        {
            Network = RequiredString(root, "network", "fixture"),
            NetworkLocation = OptionalString(root, "network_location", "fixture"),
            NetworkSha256 = sha?.ToLowerInvariant(),
            Set = OptionalString(root, "set", "fixture"),
            Generator = OptionalString(root, "generator", "fixture"),
            ProbabilityTolerance = probabilityAbs,
            LogProbabilityTolerance = logAbs,
            RelativeTolerance = relative,
            Queries = queries,
        };
    }

    private static CausalQuery ParseQuery(JsonElement q, int position)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"query #{position}");
        if (q.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} is not a JSON object.");
        }

        string id = RequiredString(q, "id", where);
        string kindText = RequiredString(q, "kind", id);
        if (!CausalQueryKinds.TryParse(kindText, out CausalQueryKind kind))
        {
            throw new FormatException($"{id}: unknown kind '{kindText}' (expected marginal, posterior, joint, do, do_observe, soft_evidence, soft_intervention, mpe or map).");
        }

        if (!q.TryGetProperty("expected", out JsonElement expected) || expected.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{id}: no \"expected\" object.");
        }

        return new CausalQuery
        {
            Id = id,
            Kind = kind,
            Direction = OptionalString(q, "direction", id) ?? "none",
            Evidence = StateMap(q, "evidence", id),
            VirtualEvidence = VectorMap(q, "virtual_evidence", id),
            Interventions = StateMap(q, "interventions", id),
            SoftInterventions = VectorMap(q, "soft_interventions", id),
            Targets = StringList(q, "targets", id),
            MapVariables = StringList(q, "map_variables", id),
            PairOf = OptionalString(q, "pair_of", id),
            Expected = ParseExpectation(expected, id),
        };
    }

    private static CausalExpectation ParseExpectation(JsonElement e, string id)
    {
        var marginals = new Dictionary<string, IReadOnlyList<KeyValuePair<string, double>>>(StringComparer.Ordinal);
        if (e.TryGetProperty("marginals", out JsonElement m) && m.ValueKind != JsonValueKind.Null)
        {
            if (m.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{id}: expected.marginals is not an object.");
            }

            foreach (JsonProperty target in m.EnumerateObject())
            {
                if (target.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"{id}: expected.marginals.{target.Name} is not an object of state -> probability.");
                }

                var states = new List<KeyValuePair<string, double>>();
                foreach (JsonProperty state in target.Value.EnumerateObject())
                {
                    states.Add(new(state.Name, Number(state.Value, $"{id}: expected.marginals.{target.Name}.{state.Name}")));
                }

                marginals[target.Name] = states;
            }
        }

        IReadOnlyList<string> jointVariables = [];
        IReadOnlyList<double> jointProbabilities = [];
        if (e.TryGetProperty("joint", out JsonElement joint) && joint.ValueKind == JsonValueKind.Object)
        {
            jointVariables = StringList(joint, "variables", $"{id}: expected.joint");
            if (!joint.TryGetProperty("probabilities", out JsonElement table) || table.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{id}: expected.joint has no \"probabilities\" array.");
            }

            jointProbabilities = Vector(table, $"{id}: expected.joint.probabilities");
        }

        string where = $"{id}: expected";
        return new CausalExpectation
        {
            Marginals = marginals,
            EvidenceProbability = OptionalNumber(e, "evidence_probability", where),
            JointVariables = jointVariables,
            JointProbabilities = jointProbabilities,
            Assignment = StateMap(e, "assignment", where),
            LogProbability = OptionalNumber(e, "log_probability", where),
            Probability = OptionalNumber(e, "probability", where),
            PosteriorProbability = OptionalNumber(e, "posterior_probability", where),
            Unique = !e.TryGetProperty("unique", out JsonElement u) || u.ValueKind != JsonValueKind.False,
            LogGapToSecond = OptionalNumber(e, "log_gap_to_second", where),
            RunnerUpPosteriorProbability = OptionalNumber(e, "runner_up_posterior_probability", where),
        };
    }

    private static string RequiredString(JsonElement obj, string name, string where) =>
        OptionalString(obj, name, where) ?? throw new FormatException($"{where}: missing \"{name}\".");

    private static string? OptionalString(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : throw new FormatException($"{where}: \"{name}\" is not a string.");
    }

    private static double? OptionalNumber(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Number(v, $"{where}.{name}");
    }

    private static double Number(JsonElement v, string where) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double x)
            ? x
            : throw new FormatException($"{where} is not a number.");

    private static double[] Vector(JsonElement array, string where)
    {
        var values = new double[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement x in array.EnumerateArray())
        {
            values[i] = Number(x, string.Create(CultureInfo.InvariantCulture, $"{where}[{i}]"));
            i++;
        }

        return values;
    }

    private static string[] StringList(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{where}: \"{name}\" is not an array of names.");
        }

        var list = new string[v.GetArrayLength()];
        int i = 0;
        foreach (JsonElement x in v.EnumerateArray())
        {
            list[i++] = x.ValueKind == JsonValueKind.String
                ? x.GetString()!
                : throw new FormatException($"{where}: \"{name}\" holds a non-string.");
        }

        return list;
    }

    private static Dictionary<string, string> StateMap(JsonElement obj, string name, string where)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!obj.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where}: \"{name}\" is not an object of variable -> state.");
        }

        foreach (JsonProperty p in v.EnumerateObject())
        {
            map[p.Name] = p.Value.ValueKind == JsonValueKind.String
                ? p.Value.GetString()!
                : throw new FormatException($"{where}: {name}.{p.Name} is not a state name.");
        }

        return map;
    }

    private static Dictionary<string, double[]> VectorMap(JsonElement obj, string name, string where)
    {
        var map = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (!obj.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where}: \"{name}\" is not an object of variable -> vector.");
        }

        foreach (JsonProperty p in v.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{where}: {name}.{p.Name} is not an array of numbers.");
            }

            map[p.Name] = Vector(p.Value, $"{where}: {name}.{p.Name}");
        }

        return map;
    }
}
