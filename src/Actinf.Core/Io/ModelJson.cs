using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Actinf.Core.Agents;
using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Core.Io;

/// <summary>
/// Reads and writes actinf-model/1 files (docs/model-format.md): a discrete POMDP generative model in
/// pymdp's array layout, the agent <c>settings</c>, and an optional <c>bench</c> workload.
/// </summary>
/// <remarks>
/// <para>Reading validates everything once: every error is a <see cref="ModelValidationException"/> whose
/// message starts with the source name (the file path when known) and names the key, the index and the
/// problem. Unknown keys are ignored, as the format requires.</para>
/// <para>Writing emits every key of the format, including every <c>settings</c> key and the policies;
/// <c>E</c>, <c>pA</c>, <c>pB</c>, <c>pD</c> and <c>bench</c> only when present. Numbers are written in
/// shortest round-trip form, so read → write → read gives bit-identical arrays.</para>
/// </remarks>
public static class ModelJson
{
    /// <summary>The value of the <c>format</c> key.</summary>
    public const string FormatName = "actinf-model/1";

    private const string DefaultSource = "model JSON";

    private static readonly (string Name, InferenceAlgorithm Value)[] Algorithms =
        [("VANILLA", InferenceAlgorithm.Fpi), ("MMP", InferenceAlgorithm.Mmp)];

    private static readonly (string Name, ActionSelection Value)[] Selections =
        [("deterministic", ActionSelection.Deterministic), ("stochastic", ActionSelection.Stochastic)];

    private static readonly (string Name, SamplingMode Value)[] SamplingModes =
        [("marginal", SamplingMode.Marginal), ("full", SamplingMode.Full)];

    /// <summary>Reads a model document from JSON text.</summary>
    /// <param name="json">The JSON text of an actinf-model/1 object.</param>
    /// <param name="sourceName">Where the text came from, used as the prefix of error messages; null means "model JSON".</param>
    /// <returns>The validated document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ModelValidationException">The JSON is malformed or the model is invalid; the message says where and why.</exception>
    public static ModelDocument Read(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        string source = sourceName ?? DefaultSource;
        using JsonDocument document = Parse(() => JsonDocument.Parse(json), source);
        return Read(document.RootElement, source);
    }

    /// <summary>Reads a model document from a file.</summary>
    /// <param name="path">Path of an actinf-model/1 file (UTF-8 JSON).</param>
    /// <returns>The validated document.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="ModelValidationException">The JSON is malformed or the model is invalid; the message starts with the path.</exception>
    public static ModelDocument ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = File.ReadAllBytes(path);
        using JsonDocument document = Parse(() => JsonDocument.Parse(bytes), path);
        return Read(document.RootElement, path);
    }

    /// <summary>Reads a model document from a parsed JSON object (e.g. the <c>model</c> of an agent fixture).</summary>
    /// <param name="element">The actinf-model/1 object.</param>
    /// <param name="sourceName">Prefix of error messages; null means "model JSON".</param>
    /// <returns>The validated document.</returns>
    /// <exception cref="ModelValidationException">The model is invalid; the message says where and why.</exception>
    public static ModelDocument Read(JsonElement element, string? sourceName = null)
    {
        string source = sourceName ?? DefaultSource;
        try
        {
            return ReadDocument(element);
        }
        catch (ModelValidationException ex)
        {
            throw new ModelValidationException($"{source}: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            // TensorJson reports malformed tensor objects this way; its message starts with the key.
            throw new ModelValidationException($"{source}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes a model document as JSON text.</summary>
    /// <param name="document">The document.</param>
    /// <param name="indented">Indent the structure for reading (each tensor's data stays on one line).</param>
    /// <returns>The actinf-model/1 JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string Write(ModelDocument document, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, document);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a model document to a file (UTF-8, no byte-order mark), replacing it if it exists.</summary>
    /// <param name="document">The document.</param>
    /// <param name="path">Destination path.</param>
    /// <param name="indented">Indent the structure for reading.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteFile(ModelDocument document, string path, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        Write(writer, document);
    }

    /// <summary>Writes a model document as one JSON object (e.g. the <c>model</c> of a fixture).</summary>
    /// <param name="writer">The destination; its <see cref="JsonWriterOptions.Indented"/> setting is followed.</param>
    /// <param name="document">The document.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, ModelDocument document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        GenerativeModel model = document.Model;
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteString("name", document.Name);
        writer.WriteString("description", document.Description);
        WriteInts(writer, "num_obs", model.NumObservations);
        WriteInts(writer, "num_states", model.NumStates);
        WriteInts(writer, "num_controls", model.NumControls);
        int[] numControls = model.NumControls.ToArray();
        WriteInts(writer, "control_fac_idx", [.. Enumerable.Range(0, numControls.Length).Where(f => numControls[f] > 1)]);
        WriteTensors(writer, "A", model.Likelihood);
        WriteTensors(writer, "B", model.Transitions);
        WriteTensors(writer, "C", model.Preferences);
        WriteTensors(writer, "D", model.InitialStatePrior);
        if (model.PolicyPrior is not null)
        {
            writer.WritePropertyName("E");
            WriteTensor(writer, model.PolicyPrior.ShapeSpan, model.PolicyPrior.Span);
        }

        WriteTensors(writer, "pA", model.LikelihoodConcentration);
        WriteTensors(writer, "pB", model.TransitionConcentration);
        WriteTensors(writer, "pD", model.InitialStateConcentration);
        writer.WritePropertyName("policies");
        PolicySet policies = model.Policies;
        if (writer.Options.Indented)
        {
            WriteRawTensor(writer, RawList([policies.Count, policies.Length, policies.Factors]), RawList(policies.Span));
        }
        else
        {
            TensorJson.WriteInt(writer, [policies.Count, policies.Length, policies.Factors], policies.Span);
        }
        WriteSettings(writer, document.Options, policies.Length);
        if (document.Bench is not null)
        {
            document.Bench.WriteJson(writer);
        }

        writer.WriteEndObject();
    }

    private static JsonDocument Parse(Func<JsonDocument> parse, string source)
    {
        try
        {
            return parse();
        }
        catch (JsonException ex)
        {
            // The reader's positions are 0-based and its message repeats them; report 1-based ones once.
            string where = ex.LineNumber is long line && ex.BytePositionInLine is long column
                ? $" at line {line + 1}, byte {column + 1}"
                : string.Empty;
            string reason = ex.Message;
            int repeated = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = repeated > 0 ? reason[..repeated] : reason;
            throw new ModelValidationException($"{source}: malformed JSON{where}: {reason}", ex);
        }
    }

    private static ModelDocument ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ModelValidationException($"the top level is a JSON {Kind(root)}; expected an object with \"format\": \"{FormatName}\".");
        }

        string format = OptionalString(root, "format")
            ?? throw new ModelValidationException($"missing required key \"format\" (expected \"{FormatName}\").");
        if (format != FormatName)
        {
            throw new ModelValidationException($"format is \"{format}\"; expected \"{FormatName}\".");
        }

        string name = OptionalString(root, "name") ?? string.Empty;
        string description = OptionalString(root, "description") ?? string.Empty;
        int[] numObs = IntList(Required(root, "num_obs"), "num_obs", min: 1);
        int[] numStates = IntList(Required(root, "num_states"), "num_states", min: 1);
        int[] numControls = IntList(Required(root, "num_controls"), "num_controls", min: 1);
        int[]? controlFactors = TryGet(root, "control_fac_idx", out JsonElement cfi) ? IntList(cfi, "control_fac_idx", min: 0) : null;
        Tensor[] a = TensorJson.ReadList(Required(root, "A"), "A");
        Tensor[] b = TensorJson.ReadList(Required(root, "B"), "B");
        CheckDimensions(numObs, numStates, numControls, controlFactors, a, b);

        Tensor[]? c = OptionalTensors(root, "C");
        Tensor[]? d = OptionalTensors(root, "D");
        Tensor? e = TryGet(root, "E", out JsonElement eEl) ? TensorJson.Read(eEl, "E") : null;
        Tensor[]? pA = OptionalTensors(root, "pA");
        Tensor[]? pB = OptionalTensors(root, "pB");
        Tensor[]? pD = OptionalTensors(root, "pD");

        (AgentOptions options, int? policyLength) = ReadSettings(root);
        PolicySet policies = TryGet(root, "policies", out JsonElement polEl)
            ? ReadPolicies(polEl, policyLength, numStates.Length)
            : AllCombinations(numControls, policyLength ?? 1);

        var model = new GenerativeModel(a, b, c, d, e, policies, pA, pB, pD, name);
        BenchWorkload? bench = TryGet(root, "bench", out JsonElement benchEl) ? BenchWorkload.ReadJson(benchEl) : null;
        try
        {
            return new ModelDocument(model, options, name, description, bench);
        }
        catch (ArgumentException ex)
        {
            // AgentOptions.Validate names the settings key; drop the "(Parameter 'x')" suffix the BCL appends.
            string message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new ModelValidationException($"settings: {message}", ex);
        }
    }

    private static void CheckDimensions(int[] numObs, int[] numStates, int[] numControls, int[]? controlFactors, Tensor[] a, Tensor[] b)
    {
        if (numStates.Length != numControls.Length)
        {
            throw new ModelValidationException($"num_states lists {numStates.Length} factors but num_controls lists {numControls.Length}; give one entry per factor in both.");
        }

        if (b.Length != numStates.Length)
        {
            throw new ModelValidationException($"B has {b.Length} tensors but num_states lists {numStates.Length} factors; give one B tensor per factor.");
        }

        if (a.Length != numObs.Length)
        {
            throw new ModelValidationException($"A has {a.Length} tensors but num_obs lists {numObs.Length} modalities; give one A tensor per modality.");
        }

        for (int f = 0; f < b.Length; f++)
        {
            int ns = numStates[f], nc = numControls[f];
            if (!b[f].ShapeSpan.SequenceEqual([ns, ns, nc]))
            {
                throw new ModelValidationException(
                    $"B[{f}] has shape {b[f].ShapeText}; expected [{ns}, {ns}, {nc}] from num_states[{f}] = {ns} and num_controls[{f}] = {nc}.");
            }
        }

        for (int m = 0; m < a.Length; m++)
        {
            int[] expected = [numObs[m], .. numStates];
            if (!a[m].ShapeSpan.SequenceEqual(expected))
            {
                throw new ModelValidationException(
                    $"A[{m}] has shape {a[m].ShapeText}; expected [{string.Join(", ", expected)}] from num_obs[{m}] = {numObs[m]} and num_states = [{string.Join(", ", numStates)}].");
            }
        }

        if (controlFactors is not null)
        {
            int[] controlled = [.. Enumerable.Range(0, numControls.Length).Where(f => numControls[f] > 1)];
            if (!controlFactors.AsSpan().SequenceEqual(controlled))
            {
                throw new ModelValidationException(
                    $"control_fac_idx is [{string.Join(", ", controlFactors)}] but num_controls = [{string.Join(", ", numControls)}] makes it [{string.Join(", ", controlled)}] (the factors with more than one control state).");
            }
        }
    }

    private static PolicySet ReadPolicies(JsonElement element, int? policyLength, int factors)
    {
        (int[] shape, int[] data) = TensorJson.ReadInt(element, "policies");
        string shapeText = "[" + string.Join(", ", shape) + "]";
        if (shape.Length != 3 || shape[2] != factors)
        {
            throw new ModelValidationException($"policies has shape {shapeText}; expected [P, T, F] with F = {factors} (one column per factor).");
        }

        if (policyLength is int t && shape[1] != t)
        {
            throw new ModelValidationException(
                $"policies has shape {shapeText}, i.e. T = {shape[1]} steps per policy, but settings.policy_len is {t}; make them agree.");
        }

        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] < 0)
            {
                int f = i % factors, step = i / factors % shape[1], p = i / factors / shape[1];
                throw new ModelValidationException($"policies[{p}, {step}, {f}] = {data[i]} is negative; actions are control-state indices >= 0.");
            }
        }

        return new PolicySet(shape[0], shape[1], shape[2], data);
    }

    private static PolicySet AllCombinations(int[] numControls, int policyLength)
    {
        try
        {
            return PolicySet.AllCombinations(numControls, policyLength);
        }
        catch (ArgumentException ex)
        {
            throw new ModelValidationException($"policies are absent and cannot be enumerated: {ex.Message}", ex);
        }
    }

    private static (AgentOptions Options, int? PolicyLength) ReadSettings(JsonElement root)
    {
        if (!TryGet(root, "settings", out JsonElement s))
        {
            return (AgentOptions.Default, null);
        }

        RequireObject(s, "settings");
        AgentOptions d = AgentOptions.Default;
        int? policyLength = TryGet(s, "policy_len", out JsonElement pl) ? Int(pl, "settings.policy_len", min: 1) : null;
        InferenceAlgorithm algorithm = EnumOr(s, "inference_algo", Algorithms, d.Algorithm);
        int numIter = d.NumIterations;
        double dF = d.InitialFreeEnergyChange, dFTol = d.FreeEnergyTolerance, tau = d.MmpStepSize;
        if (TryGet(s, "inference_params", out JsonElement ip))
        {
            RequireObject(ip, "settings.inference_params");
            numIter = IntOr(ip, "num_iter", "settings.inference_params.num_iter", numIter, min: 1);
            dF = NumberOr(ip, "dF", "settings.inference_params.dF", dF);
            dFTol = NumberOr(ip, "dF_tol", "settings.inference_params.dF_tol", dFTol);
            tau = NumberOr(ip, "tau", "settings.inference_params.tau", tau);
            if (!BoolOr(ip, "grad_descent", "settings.inference_params.grad_descent", true))
            {
                throw new ModelValidationException(
                    "settings.inference_params.grad_descent is false, which is not supported: Actinf's MMP always takes the gradient steps of pymdp's grad_descent = true "
                    + "(the only variant the format specifies and the fixtures cover). Set it to true or remove it.");
            }
        }

        if (BoolOr(s, "save_belief_hist", "settings.save_belief_hist", false))
        {
            throw new ModelValidationException(
                "settings.save_belief_hist is true, which is not supported: in pymdp 0.0.7.1 it changes MMP results through an indexing bug (wrong q_pi index) "
                + "and later crashes, so no reference numbers exist for it. Set it to false or remove it; read beliefs from the agent after each step instead.");
        }

        var options = new AgentOptions
        {
            Algorithm = algorithm,
            InferenceHorizon = IntOr(s, "inference_horizon", "settings.inference_horizon", d.InferenceHorizon, min: 1),
            NumIterations = numIter,
            InitialFreeEnergyChange = dF,
            FreeEnergyTolerance = dFTol,
            MmpStepSize = tau,
            PolicyPrecision = NumberOr(s, "gamma", "settings.gamma", d.PolicyPrecision),
            ActionPrecision = NumberOr(s, "alpha", "settings.alpha", d.ActionPrecision),
            UseUtility = BoolOr(s, "use_utility", "settings.use_utility", d.UseUtility),
            UseStateInformationGain = BoolOr(s, "use_states_info_gain", "settings.use_states_info_gain", d.UseStateInformationGain),
            UseParameterInformationGain = BoolOr(s, "use_param_info_gain", "settings.use_param_info_gain", d.UseParameterInformationGain),
            ActionSelection = EnumOr(s, "action_selection", Selections, d.ActionSelection),
            SamplingMode = EnumOr(s, "sampling_mode", SamplingModes, d.SamplingMode),
            LikelihoodLearningRate = NumberOr(s, "lr_pA", "settings.lr_pA", d.LikelihoodLearningRate),
            TransitionLearningRate = NumberOr(s, "lr_pB", "settings.lr_pB", d.TransitionLearningRate),
            InitialStateLearningRate = NumberOr(s, "lr_pD", "settings.lr_pD", d.InitialStateLearningRate),
            ModalitiesToLearn = AllOrIndices(s, "modalities_to_learn", "modality"),
            FactorsToLearn = AllOrIndices(s, "factors_to_learn", "factor"),
            UseBayesianModelAverage = BoolOr(s, "use_BMA", "settings.use_BMA", d.UseBayesianModelAverage),
            PolicySeparatedPrior = BoolOr(s, "policy_sep_prior", "settings.policy_sep_prior", d.PolicySeparatedPrior),
        };
        return (options, policyLength);
    }

    private static void WriteSettings(Utf8JsonWriter w, AgentOptions o, int policyLength)
    {
        w.WriteStartObject("settings");
        w.WriteNumber("policy_len", policyLength);
        w.WriteNumber("inference_horizon", o.InferenceHorizon);
        w.WriteString("inference_algo", NameOf(Algorithms, o.Algorithm));
        w.WriteStartObject("inference_params");
        w.WriteNumber("num_iter", o.NumIterations);

        // Only the parameters of the chosen algorithm, as pymdp's inference_params (it passes them as
        // keyword arguments, so a foreign key would break a pymdp reader).
        if (o.Algorithm == InferenceAlgorithm.Fpi)
        {
            w.WriteNumber("dF", o.InitialFreeEnergyChange);
            w.WriteNumber("dF_tol", o.FreeEnergyTolerance);
        }
        else
        {
            w.WriteBoolean("grad_descent", true);
            w.WriteNumber("tau", o.MmpStepSize);
        }

        w.WriteEndObject();
        w.WriteNumber("gamma", o.PolicyPrecision);
        w.WriteNumber("alpha", o.ActionPrecision);
        w.WriteBoolean("use_utility", o.UseUtility);
        w.WriteBoolean("use_states_info_gain", o.UseStateInformationGain);
        w.WriteBoolean("use_param_info_gain", o.UseParameterInformationGain);
        w.WriteString("action_selection", NameOf(Selections, o.ActionSelection));
        w.WriteString("sampling_mode", NameOf(SamplingModes, o.SamplingMode));
        w.WriteNumber("lr_pA", o.LikelihoodLearningRate);
        w.WriteNumber("lr_pB", o.TransitionLearningRate);
        w.WriteNumber("lr_pD", o.InitialStateLearningRate);
        WriteAllOrIndices(w, "modalities_to_learn", o.ModalitiesToLearn);
        WriteAllOrIndices(w, "factors_to_learn", o.FactorsToLearn);
        w.WriteBoolean("use_BMA", o.UseBayesianModelAverage);
        w.WriteBoolean("policy_sep_prior", o.PolicySeparatedPrior);
        w.WriteBoolean("save_belief_hist", false);
        w.WriteEndObject();
    }

    private static void WriteTensors(Utf8JsonWriter w, string key, IReadOnlyList<Tensor>? tensors)
    {
        if (tensors is null)
        {
            return;
        }

        w.WriteStartArray(key);
        foreach (Tensor t in tensors)
        {
            WriteTensor(w, t.ShapeSpan, t.Span);
        }

        w.WriteEndArray();
    }

    private static void WriteTensor(Utf8JsonWriter w, ReadOnlySpan<int> shape, ReadOnlySpan<double> data)
    {
        if (!w.Options.Indented)
        {
            TensorJson.Write(w, shape, data);
            return;
        }

        var text = new StringBuilder("[");
        for (int i = 0; i < data.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(data[i].ToString("R", CultureInfo.InvariantCulture));
        }

        WriteRawTensor(w, RawList(shape), text.Append(']').ToString());
    }

    // Indented output keeps each array on one line: one number per line is unreadable for A and B.
    private static void WriteRawTensor(Utf8JsonWriter w, string shape, string data)
    {
        w.WriteStartObject();
        w.WritePropertyName("shape");
        w.WriteRawValue(shape);
        w.WritePropertyName("data");
        w.WriteRawValue(data);
        w.WriteEndObject();
    }

    private static string RawList(ReadOnlySpan<int> values) => "[" + string.Join(", ", values.ToArray()) + "]";

    private static void WriteInts(Utf8JsonWriter w, string key, ReadOnlySpan<int> values)
    {
        w.WritePropertyName(key);
        WriteIntArray(w, values);
    }

    /// <summary>Writes an integer array; on one line when the writer indents.</summary>
    internal static void WriteIntArray(Utf8JsonWriter w, ReadOnlySpan<int> values)
    {
        if (w.Options.Indented)
        {
            w.WriteRawValue(RawList(values));
            return;
        }

        w.WriteStartArray();
        foreach (int v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteAllOrIndices(Utf8JsonWriter w, string key, IReadOnlyList<int>? indices)
    {
        if (indices is null)
        {
            w.WriteString(key, "all");
        }
        else
        {
            WriteInts(w, key, [.. indices]);
        }
    }

    // ---- small typed readers; each failure names the key ----

    internal static bool TryGet(JsonElement obj, string key, out JsonElement value) =>
        obj.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null;

    internal static JsonElement Required(JsonElement obj, string key, string prefix = "") =>
        TryGet(obj, key, out JsonElement value)
            ? value
            : throw new ModelValidationException($"missing required key \"{prefix}{key}\".");

    internal static void RequireObject(JsonElement element, string key)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ModelValidationException($"{key} is a JSON {Kind(element)}; expected an object.");
        }
    }

    internal static string? OptionalString(JsonElement obj, string key, string prefix = "")
    {
        if (!TryGet(obj, key, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ModelValidationException($"{prefix}{key} is {value.GetRawText()}; expected a string.");
    }

    private static Tensor[]? OptionalTensors(JsonElement obj, string key) =>
        TryGet(obj, key, out JsonElement value) ? TensorJson.ReadList(value, key) : null;

    internal static int Int(JsonElement value, string path, int min)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int i))
        {
            throw new ModelValidationException($"{path} is {value.GetRawText()}; expected an integer.");
        }

        return i >= min ? i : throw new ModelValidationException($"{path} is {i}; it must be at least {min}.");
    }

    internal static int IntOr(JsonElement obj, string key, string path, int fallback, int min) =>
        TryGet(obj, key, out JsonElement value) ? Int(value, path, min) : fallback;

    internal static int[] IntList(JsonElement value, string path, int min)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ModelValidationException($"{path} is a JSON {Kind(value)}; expected a list of integers.");
        }

        var result = new int[value.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            result[i] = Int(item, $"{path}[{i}]", min);
            i++;
        }

        return result;
    }

    private static double NumberOr(JsonElement obj, string key, string path, double fallback)
    {
        if (!TryGet(obj, key, out JsonElement value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double x))
        {
            throw new ModelValidationException($"{path} is {value.GetRawText()}; expected a number.");
        }

        return double.IsFinite(x)
            ? x
            : throw new ModelValidationException($"{path} is {value.GetRawText()}, which overflows a double ({x}); it must be a finite number.");
    }

    private static bool BoolOr(JsonElement obj, string key, string path, bool fallback)
    {
        if (!TryGet(obj, key, out JsonElement value))
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ModelValidationException($"{path} is {value.GetRawText()}; expected true or false."),
        };
    }

    private static T EnumOr<T>(JsonElement settings, string key, (string Name, T Value)[] table, T fallback)
    {
        if (!TryGet(settings, key, out JsonElement value))
        {
            return fallback;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            string? text = value.GetString();
            foreach ((string name, T v) in table)
            {
                if (name == text)
                {
                    return v;
                }
            }
        }

        throw new ModelValidationException(
            $"settings.{key} is {value.GetRawText()}; allowed values: {string.Join(", ", table.Select(t => "\"" + t.Name + "\""))}.");
    }

    private static string NameOf<T>((string Name, T Value)[] table, T value)
        where T : struct, System.Enum
    {
        foreach ((string name, T v) in table)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "No format name for this value.");
    }

    private static int[]? AllOrIndices(JsonElement settings, string key, string what)
    {
        if (!TryGet(settings, key, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() == "all")
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ModelValidationException($"settings.{key} is {value.GetRawText()}; expected \"all\" or a list of {what} indices.");
        }

        return IntList(value, "settings." + key, min: 0);
    }

    internal static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
