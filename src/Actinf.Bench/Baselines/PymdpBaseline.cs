using System.Text.Json;
using Actinf.Bench.Workloads;

namespace Actinf.Bench.Baselines;

/// <summary>
/// pymdp's timings of the benchmark models (<c>tests/data/pymdp-baseline.json</c>): per model, wall-clock
/// microseconds per operation and per full step (median, p95, mean, min, n).
/// </summary>
/// <remarks>
/// The file was written by pymdp 0.0.7.1's timing script with numpy threads pinned to 1; it replays the same
/// recorded observations as <see cref="Replay.StepReplay"/>. Only the wall-clock <c>timings_us</c> are read
/// (not <c>cpu_time_us</c>). Unknown keys are ignored.
/// </remarks>
public sealed class PymdpBaseline
{
    /// <summary>The baseline's file name.</summary>
    public const string FileName = "pymdp-baseline.json";

    /// <summary>Environment variable that overrides the baseline's path.</summary>
    public const string PathVariable = "ACTINF_PYMDP_BASELINE";

    private readonly Dictionary<string, PymdpModelTimings> _byName;

    private PymdpBaseline(string? tool, string? pymdpVersion, string? generatedUtc, string? cpuModel, List<PymdpModelTimings> models)
    {
        Tool = tool;
        PymdpVersion = pymdpVersion;
        GeneratedUtc = generatedUtc;
        CpuModel = cpuModel;
        Models = models;
        _byName = new Dictionary<string, PymdpModelTimings>(StringComparer.Ordinal);
        foreach (PymdpModelTimings model in models)
        {
            _byName.TryAdd(model.Name, model);
        }
    }

    /// <summary>What wrote the file (<c>tool</c>), if given.</summary>
    public string? Tool { get; }

    /// <summary>The pymdp version timed (<c>pymdp</c>), if given.</summary>
    public string? PymdpVersion { get; }

    /// <summary>When the file was written (<c>generated_utc</c>, as written), if given.</summary>
    public string? GeneratedUtc { get; }

    /// <summary>The CPU pymdp ran on (<c>machine.cpu_model</c>), if given.</summary>
    public string? CpuModel { get; }

    /// <summary>The models, in file order.</summary>
    public IReadOnlyList<PymdpModelTimings> Models { get; }

    /// <summary>The timings of a model by name, or null when the baseline does not have it.</summary>
    /// <param name="name">The model name (<c>models[i].name</c>; ordinal comparison).</param>
    public PymdpModelTimings? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>
    /// The default baseline path: <see cref="PathVariable"/> when set, else <c>tests/data/pymdp-baseline.json</c>
    /// under the repository root (<see cref="BenchModels.FindRepositoryRoot"/>); null when neither exists.
    /// </summary>
    public static string? FindDefaultPath()
    {
        string? overridden = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return File.Exists(overridden) ? Path.GetFullPath(overridden) : null;
        }

        string? root = BenchModels.FindRepositoryRoot();
        string? path = root is null ? null : Path.Combine(root, "tests", "data", FileName);
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <summary>Reads a baseline file.</summary>
    /// <param name="path">Path of a <c>pymdp-baseline.json</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or misses a required key; the message names the file and the key.</exception>
    public static PymdpBaseline Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <summary>Parses a baseline from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="InvalidDataException">Not valid JSON, or a required key is missing or of the wrong kind.</exception>
    public static PymdpBaseline Parse(Stream utf8Json, string source = "pymdp baseline")
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            return Read(document.RootElement, source);
        }
    }

    private static PymdpBaseline Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("models", out JsonElement models) || models.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{source}: expected an object with a \"models\" array.");
        }

        var list = new List<PymdpModelTimings>(models.GetArrayLength());
        int index = 0;
        foreach (JsonElement model in models.EnumerateArray())
        {
            list.Add(ReadModel(model, $"{source}: models[{index}]"));
            index++;
        }

        string? cpu = root.TryGetProperty("machine", out JsonElement machine) && machine.ValueKind == JsonValueKind.Object
            ? OptionalString(machine, "cpu_model")
            : null;
        return new PymdpBaseline(OptionalString(root, "tool"), OptionalString(root, "pymdp"), OptionalString(root, "generated_utc"), cpu, list);
    }

    private static PymdpModelTimings ReadModel(JsonElement model, string where)
    {
        if (model.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where}: expected an object.");
        }

        string name = OptionalString(model, "name") ?? throw new InvalidDataException($"{where}: missing \"name\".");
        if (!model.TryGetProperty("timings_us", out JsonElement timings) || timings.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where} ('{name}'): missing the \"timings_us\" object.");
        }

        var operations = new Dictionary<string, PymdpTiming>(StringComparer.Ordinal);
        foreach (JsonProperty op in timings.EnumerateObject())
        {
            operations[op.Name] = ReadTiming(op.Value, $"{where} ('{name}').timings_us.{op.Name}");
        }

        if (!operations.ContainsKey(PymdpModelTimings.StepKey))
        {
            throw new InvalidDataException($"{where} ('{name}'): \"timings_us\" has no \"{PymdpModelTimings.StepKey}\" entry.");
        }

        return new PymdpModelTimings(
            name,
            OptionalInt(model, "num_policies"),
            OptionalInt(model, "policy_len"),
            OptionalString(model, "inference_algo"),
            OptionalInt(model, "iterations"),
            operations);
    }

    private static PymdpTiming ReadTiming(JsonElement timing, string where)
    {
        if (timing.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where}: expected an object with median, p95, mean, min and n.");
        }

        return new PymdpTiming(
            RequiredDouble(timing, "median", where),
            RequiredDouble(timing, "p95", where),
            RequiredDouble(timing, "mean", where),
            RequiredDouble(timing, "min", where),
            OptionalInt(timing, "n") ?? 0);
    }

    private static double RequiredDouble(JsonElement element, string key, string where) =>
        element.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new InvalidDataException($"{where}: missing the number \"{key}\".");

    private static string? OptionalString(JsonElement element, string key) =>
        element.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? OptionalInt(JsonElement element, string key) =>
        element.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : null;
}
