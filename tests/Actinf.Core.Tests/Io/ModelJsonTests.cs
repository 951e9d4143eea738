using System.Reflection;
using System.Text.Json;
using Actinf.Core.Agents;
using Actinf.Core.Io;
using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Core.Tests.Io;

public class ModelJsonTests
{
    // One factor (2 states, 2 controls: stay / swap), one modality (2 outcomes). Tests replace exact
    // fragments of this text to break one thing at a time.
    private const string Tiny = """
        {
          "format": "actinf-model/1",
          "name": "tiny",
          "description": "one factor, one modality",
          "num_obs": [2],
          "num_states": [2],
          "num_controls": [2],
          "control_fac_idx": [0],
          "A": [{"shape": [2, 2], "data": [0.9, 0.1, 0.1, 0.9]}],
          "B": [{"shape": [2, 2, 2], "data": [1, 0, 0, 1, 0, 1, 1, 0]}],
          "C": [{"shape": [2], "data": [0, 1]}],
          "D": [{"shape": [2], "data": [0.5, 0.5]}],
          "policies": {"shape": [2, 1, 1], "data": [0, 1]},
          "settings": {"policy_len": 1, "inference_algo": "VANILLA", "gamma": 16.0}
        }
        """;

    private const string Source = "tiny.json";

    public static TheoryData<string> BenchModelFiles => ModelFiles.Theory(ModelFiles.BenchModels());

    public static TheoryData<string> AgentFixtureFiles => ModelFiles.Theory(ModelFiles.AgentFixtures());

    [Theory]
    [MemberData(nameof(BenchModelFiles))]
    public void ReadFile_BenchModel_ReadsAndRoundTrips(string relativePath)
    {
        string path = ModelFiles.Path(relativePath);
        ModelDocument document = ModelJson.ReadFile(path);

        using (JsonDocument raw = JsonDocument.Parse(File.ReadAllBytes(path)))
        {
            AssertDeclaredDimensions(raw.RootElement, document);
            JsonElement bench = raw.RootElement.GetProperty("bench");
            Assert.NotNull(document.Bench);
            Assert.Equal(bench.GetProperty("observations").GetArrayLength(), document.Bench.Observations.Count);
            Assert.Equal(bench.GetProperty("warmup").GetInt32(), document.Bench.Warmup);
            Assert.Equal(bench.GetProperty("iterations").GetInt32(), document.Bench.Iterations);
            Assert.Equal(bench.GetProperty("seed").GetInt32(), document.Bench.Seed);
            Assert.Equal(
                bench.GetProperty("ops").EnumerateArray().Select(o => o.GetString()),
                document.Bench.OperationOrder.Select(BenchWorkload.OperationName));
        }

        AssertRoundTrips(document, path);
    }

    [Theory]
    [MemberData(nameof(AgentFixtureFiles))]
    public void Read_AgentFixtureModel_ReadsAndRoundTrips(string relativePath)
    {
        string path = ModelFiles.Path(relativePath);
        using JsonDocument fixture = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement model = fixture.RootElement.GetProperty("model");

        ModelDocument document = ModelJson.Read(model, path);

        AssertDeclaredDimensions(model, document);
        Assert.Null(document.Bench);
        AssertRoundTrips(document, path);
    }

    [Fact]
    public void Read_TinyModel_MapsEveryPart()
    {
        ModelDocument document = ModelJson.Read(Tiny, Source);

        Assert.Equal("tiny", document.Name);
        Assert.Equal("one factor, one modality", document.Description);
        Assert.Equal([0.9, 0.1, 0.1, 0.9], document.Model.Likelihood[0].ToArray());
        Assert.Equal([2, 2, 2], document.Model.Transitions[0].ShapeToArray());
        Assert.Equal([0.0, 1.0], document.Model.Preferences[0].ToArray());
        Assert.Equal([0, 1], document.Model.Policies.Span.ToArray());
        Assert.Null(document.Model.PolicyPrior);
        Assert.Null(document.Bench);
        ModelAssert.OptionsEqual(AgentOptions.Default, document.Options);
    }

    [Fact]
    public void Read_EverySettingsKey_MapsToOptions()
    {
        string json = Edit(Tiny, "\"settings\": {\"policy_len\": 1, \"inference_algo\": \"VANILLA\", \"gamma\": 16.0}", """
            "settings": {"policy_len": 1, "inference_horizon": 3, "inference_algo": "MMP",
              "inference_params": {"num_iter": 7, "grad_descent": true, "tau": 0.5, "dF": 2.0, "dF_tol": 0.01},
              "gamma": 4.0, "alpha": 8.0, "use_utility": false, "use_states_info_gain": false, "use_param_info_gain": true,
              "action_selection": "stochastic", "sampling_mode": "full", "lr_pA": 0.1, "lr_pB": 0.2, "lr_pD": 0.3,
              "modalities_to_learn": [0], "factors_to_learn": "all", "use_BMA": false, "policy_sep_prior": true,
              "save_belief_hist": false, "some_future_key": 1}
            """);

        AgentOptions o = ModelJson.Read(json, Source).Options;

        Assert.Equal(InferenceAlgorithm.Mmp, o.Algorithm);
        Assert.Equal(3, o.InferenceHorizon);
        Assert.Equal(7, o.NumIterations);
        Assert.Equal(0.5, o.MmpStepSize);
        Assert.Equal(2.0, o.InitialFreeEnergyChange);
        Assert.Equal(0.01, o.FreeEnergyTolerance);
        Assert.Equal(4.0, o.PolicyPrecision);
        Assert.Equal(8.0, o.ActionPrecision);
        Assert.False(o.UseUtility);
        Assert.False(o.UseStateInformationGain);
        Assert.True(o.UseParameterInformationGain);
        Assert.Equal(ActionSelection.Stochastic, o.ActionSelection);
        Assert.Equal(SamplingMode.Full, o.SamplingMode);
        Assert.Equal(0.1, o.LikelihoodLearningRate);
        Assert.Equal(0.2, o.TransitionLearningRate);
        Assert.Equal(0.3, o.InitialStateLearningRate);
        Assert.Equal(new[] { 0 }, o.ModalitiesToLearn!);
        Assert.Null(o.FactorsToLearn);
        Assert.False(o.UseBayesianModelAverage);
        Assert.True(o.PolicySeparatedPrior);
    }

    [Fact]
    public void Read_OptionalPartsAbsent_TakesDefaults()
    {
        string json = """
            {"format": "actinf-model/1", "num_obs": [2], "num_states": [2], "num_controls": [2],
             "A": [{"shape": [2, 2], "data": [0.9, 0.1, 0.1, 0.9]}],
             "B": [{"shape": [2, 2, 2], "data": [1, 0, 0, 1, 0, 1, 1, 0]}],
             "pD": [{"shape": [2], "data": [3, 1]}],
             "settings": {"policy_len": 2},
             "unknown_top_level_key": {"anything": [1, 2, 3]}}
            """;

        ModelDocument document = ModelJson.Read(json, Source);

        Assert.Equal(string.Empty, document.Name);
        Assert.Equal([0.0, 0.0], document.Model.Preferences[0].ToArray());
        Assert.Equal([0.75, 0.25], document.Model.InitialStatePrior[0].ToArray());
        Assert.Equal([0, 0, 0, 1, 1, 0, 1, 1], document.Model.Policies.Span.ToArray());
        Assert.Equal(2, document.PolicyLength);
    }

    [Fact]
    public void Read_PoliciesAbsentAndNoPolicyLen_OneStepCombinations()
    {
        string json = Edit(Tiny, "\"policies\": {\"shape\": [2, 1, 1], \"data\": [0, 1]},", string.Empty);
        json = Edit(json, "\"policy_len\": 1, ", string.Empty);

        ModelDocument document = ModelJson.Read(json, Source);

        Assert.Equal([0, 1], document.Model.Policies.Span.ToArray());
        Assert.Equal(1, document.PolicyLength);
    }

    [Fact]
    public void Read_AWrongShape_NamesArrayAndShapes()
    {
        string json = Edit(Tiny, "{\"shape\": [2, 2], \"data\": [0.9, 0.1, 0.1, 0.9]}", "{\"shape\": [2, 3], \"data\": [0.9, 0.1, 0.5, 0.1, 0.9, 0.5]}");

        string message = ReadError(json);

        Assert.Equal("tiny.json: A[0] has shape [2, 3]; expected [2, 2] from num_obs[0] = 2 and num_states = [2].", message);
    }

    [Fact]
    public void Read_NegativeBEntry_NamesEntry()
    {
        string json = Edit(Tiny, "[1, 0, 0, 1, 0, 1, 1, 0]", "[1.5, 0, 0, 1, -0.5, 1, 1, 0]");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: B[0] entry [1, 0, 0] is negative (-0.5)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AColumnNotNormalised_NamesModalityColumnAndTolerance()
    {
        string json = Edit(Tiny, "[0.9, 0.1, 0.1, 0.9]", "[0.9, 0.1, 0.2, 0.9]");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: A[0] (modality 0) column [:, 0] sums to 1.1", message, StringComparison.Ordinal);
        Assert.Contains("not 1 (tolerance 1.001E-05)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BColumnNotNormalised_NamesFactorAndColumn()
    {
        string json = Edit(Tiny, "[1, 0, 0, 1, 0, 1, 1, 0]", "[1, 0, 0, 1, 0, 1, 1, 0.5]");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: B[0] (factor 0) column [:, 1, 1] sums to 1.5", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InfiniteEntry_NamesEntryAndFiniteness()
    {
        string json = Edit(Tiny, "[0.9, 0.1, 0.1, 0.9]", "[0.9, 0.1, 1e400, 0.9]");

        string message = ReadError(json);

        Assert.Equal("tiny.json: A[0] entry [1, 0] is Infinity; entries must be finite numbers.", message);
    }

    [Fact]
    public void Read_InfiniteSetting_NamesKey()
    {
        string json = Edit(Tiny, "\"gamma\": 16.0", "\"gamma\": -1e999");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: settings.gamma is -1e999, which overflows a double", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownAlgorithm_ListsAllowedValues()
    {
        string json = Edit(Tiny, "\"VANILLA\"", "\"FOO\"");

        string message = ReadError(json);

        Assert.Equal("tiny.json: settings.inference_algo is \"FOO\"; allowed values: \"VANILLA\", \"MMP\".", message);
    }

    [Fact]
    public void Read_UnknownSamplingMode_ListsAllowedValues()
    {
        string json = Edit(Tiny, "\"gamma\": 16.0", "\"gamma\": 16.0, \"sampling_mode\": \"Full\"");

        string message = ReadError(json);

        Assert.Equal("tiny.json: settings.sampling_mode is \"Full\"; allowed values: \"marginal\", \"full\".", message);
    }

    [Fact]
    public void Read_PolicyOutOfRange_NamesPolicyAndFactor()
    {
        string json = Edit(Tiny, "\"data\": [0, 1]}", "\"data\": [0, 2]}");

        string message = ReadError(json);

        Assert.Equal("tiny.json: policies[1, 0, 0] = 2, but factor 0 has 2 control state(s) (B[0] shape).", message);
    }

    [Fact]
    public void Read_NegativePolicyEntry_NamesPolicy()
    {
        string json = Edit(Tiny, "\"data\": [0, 1]}", "\"data\": [-1, 1]}");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: policies[0, 0, 0] = -1 is negative", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PolicyLenMismatch_NamesBoth()
    {
        string json = Edit(Tiny, "\"policy_len\": 1", "\"policy_len\": 2");

        string message = ReadError(json);

        Assert.Equal(
            "tiny.json: policies has shape [2, 1, 1], i.e. T = 1 steps per policy, but settings.policy_len is 2; make them agree.", message);
    }

    [Fact]
    public void Read_MalformedJson_ReportsLineAndPosition()
    {
        string json = Edit(Tiny, "\"num_obs\": [2],", "\"num_obs\": [2]");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: malformed JSON at line 6, byte 3: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingRequiredKey_NamesKey()
    {
        string json = Edit(Tiny, "\"B\": [{\"shape\": [2, 2, 2], \"data\": [1, 0, 0, 1, 0, 1, 1, 0]}],", string.Empty);

        string message = ReadError(json);

        Assert.Equal("tiny.json: missing required key \"B\".", message);
    }

    [Fact]
    public void Read_WrongFormat_NamesExpectedFormat()
    {
        string json = Edit(Tiny, "\"actinf-model/1\"", "\"actinf-model/2\"");

        string message = ReadError(json);

        Assert.Equal("tiny.json: format is \"actinf-model/2\"; expected \"actinf-model/1\".", message);
    }

    [Fact]
    public void Read_NumStatesDisagreesWithB_NamesFactor()
    {
        string json = Edit(Tiny, "\"num_states\": [2]", "\"num_states\": [3]");

        string message = ReadError(json);

        Assert.Equal("tiny.json: B[0] has shape [2, 2, 2]; expected [3, 3, 2] from num_states[0] = 3 and num_controls[0] = 2.", message);
    }

    [Fact]
    public void Read_NumObsCountDisagreesWithA_NamesBoth()
    {
        string json = Edit(Tiny, "\"num_obs\": [2]", "\"num_obs\": [2, 3]");

        string message = ReadError(json);

        Assert.Equal("tiny.json: A has 1 tensors but num_obs lists 2 modalities; give one A tensor per modality.", message);
    }

    [Fact]
    public void Read_ControlFacIdxDisagrees_SaysWhatItShouldBe()
    {
        string json = Edit(Tiny, "\"control_fac_idx\": [0]", "\"control_fac_idx\": []");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: control_fac_idx is [] but num_controls = [2] makes it [0]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DataLengthNotMatchingShape_NamesTensor()
    {
        string json = Edit(Tiny, "{\"shape\": [2], \"data\": [0, 1]}", "{\"shape\": [2], \"data\": [0, 1, 2]}");

        string message = ReadError(json);

        Assert.Equal("tiny.json: C[0]: shape [2] needs 2 values, but data has 3.", message);
    }

    [Fact]
    public void Read_GradDescentFalse_SaysNotSupported()
    {
        string json = Edit(Tiny, "\"gamma\": 16.0", "\"inference_params\": {\"num_iter\": 10, \"grad_descent\": false}");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: settings.inference_params.grad_descent is false, which is not supported", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SaveBeliefHistTrue_ExplainsWhy()
    {
        string json = Edit(Tiny, "\"gamma\": 16.0", "\"save_belief_hist\": true");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: settings.save_belief_hist is true, which is not supported", message, StringComparison.Ordinal);
        Assert.Contains("indexing bug", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ModalityToLearnOutOfRange_NamesSetting()
    {
        string json = Edit(Tiny, "\"gamma\": 16.0", "\"modalities_to_learn\": [3]");

        string message = ReadError(json);

        Assert.Equal("tiny.json: settings: modalities_to_learn names modality 3, but the model has 1 (indices 0..0).", message);
    }

    [Fact]
    public void Read_MmpWithHorizonOne_ExplainsWhy()
    {
        string json = Edit(Tiny, "\"VANILLA\"", "\"MMP\"");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: settings: inference_horizon is 1; MMP needs at least 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownBenchOp_NamesOp()
    {
        string json = Edit(Tiny, "\"settings\":", "\"bench\": {\"ops\": [\"infer_states\", \"infer_state\"], \"observations\": [[0]]},\n  \"settings\":");

        string message = ReadError(json);

        Assert.StartsWith("tiny.json: bench.ops[1] is \"infer_state\", which is not a known op; known ops: infer_states, update_A,", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BenchObservationOutOfRange_NamesStepAndModality()
    {
        string json = Edit(Tiny, "\"settings\":", "\"bench\": {\"ops\": [\"infer_states\"], \"observations\": [[0], [2]]},\n  \"settings\":");

        string message = ReadError(json);

        Assert.Equal("tiny.json: bench.observations[1][0] is 2, but modality 0 has 2 outcomes (indices 0..1).", message);
    }

    [Fact]
    public void Read_BenchObservationWrongLength_NamesStep()
    {
        string json = Edit(Tiny, "\"settings\":", "\"bench\": {\"ops\": [\"infer_states\"], \"observations\": [[0, 1]]},\n  \"settings\":");

        string message = ReadError(json);

        Assert.Equal("tiny.json: bench.observations[0] has 2 entries; expected 1 (one outcome index per modality).", message);
    }

    [Fact]
    public void Read_NoSourceName_PrefixesModelJson()
    {
        string json = Edit(Tiny, "\"VANILLA\"", "\"FOO\"");

        var ex = Assert.Throws<ModelValidationException>(() => ModelJson.Read(json));

        Assert.StartsWith("model JSON: settings.inference_algo", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_BadFile_MessageStartsWithPath()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"actinf-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Edit(Tiny, "[0.9, 0.1, 0.1, 0.9]", "[0.9, 0.1, 0.2, 0.9]"));
        try
        {
            var ex = Assert.Throws<ModelValidationException>(() => ModelJson.ReadFile(path));

            Assert.StartsWith(path + ": A[0] (modality 0) column [:, 0]", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_TinyModel_WritesEveryKeyAndSettingsKey()
    {
        ModelDocument document = ModelJson.Read(Tiny, Source);

        using JsonDocument written = JsonDocument.Parse(ModelJson.Write(document));

        string[] keys = [.. written.RootElement.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(
            ["format", "name", "description", "num_obs", "num_states", "num_controls", "control_fac_idx", "A", "B", "C", "D", "policies", "settings"],
            keys);
        string[] settings = [.. written.RootElement.GetProperty("settings").EnumerateObject().Select(p => p.Name)];
        Assert.Equal(
            ["policy_len", "inference_horizon", "inference_algo", "inference_params", "gamma", "alpha", "use_utility", "use_states_info_gain",
             "use_param_info_gain", "action_selection", "sampling_mode", "lr_pA", "lr_pB", "lr_pD", "modalities_to_learn", "factors_to_learn",
             "use_BMA", "policy_sep_prior", "save_belief_hist"],
            settings);
        Assert.Equal("{\"num_iter\":10,\"dF\":1,\"dF_tol\":0.001}", written.RootElement.GetProperty("settings").GetProperty("inference_params").GetRawText());
    }

    [Fact]
    public void Write_AwkwardDoubles_RoundTripExactly()
    {
        double third = 1.0 / 3.0;
        string data = $"[{third:R}, 1e-300, {1 - third:R}, 1]";
        string json = Edit(Tiny, "[0.9, 0.1, 0.1, 0.9]", data);
        ModelDocument document = ModelJson.Read(json, Source);

        foreach (bool indented in new[] { false, true })
        {
            ModelDocument again = ModelJson.Read(ModelJson.Write(document, indented), Source);

            Assert.Equal(document.Model.Likelihood[0].ToArray(), again.Model.Likelihood[0].ToArray());
        }
    }

    [Fact]
    public void WriteFile_ThenReadFile_RoundTrips()
    {
        ModelDocument document = ModelJson.ReadFile(ModelFiles.Path("bench-models/learn_AB.json"));
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"actinf-{Guid.NewGuid():N}.json");
        try
        {
            ModelJson.WriteFile(document, path, indented: true);
            ModelDocument again = ModelJson.ReadFile(path);

            ModelAssert.DocumentsEqual(document, again);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertRoundTrips(ModelDocument document, string source)
    {
        foreach (bool indented in new[] { false, true })
        {
            ModelDocument again = ModelJson.Read(ModelJson.Write(document, indented), source);
            ModelAssert.DocumentsEqual(document, again);
        }
    }

    private static void AssertDeclaredDimensions(JsonElement raw, ModelDocument document)
    {
        Assert.Equal(Ints(raw.GetProperty("num_obs")), document.Model.NumObservations.ToArray());
        Assert.Equal(Ints(raw.GetProperty("num_states")), document.Model.NumStates.ToArray());
        Assert.Equal(Ints(raw.GetProperty("num_controls")), document.Model.NumControls.ToArray());
        Assert.Equal(raw.GetProperty("settings").GetProperty("policy_len").GetInt32(), document.PolicyLength);
        Assert.Equal(raw.GetProperty("A")[0].GetProperty("data")[0].GetDouble(), document.Model.Likelihood[0].Span[0]);
        Assert.Equal(raw.TryGetProperty("pA", out _), document.Model.LikelihoodConcentration is not null);
        Assert.Equal(raw.TryGetProperty("pB", out _), document.Model.TransitionConcentration is not null);
        Assert.Equal(raw.TryGetProperty("pD", out _), document.Model.InitialStateConcentration is not null);
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static string Edit(string json, string oldText, string newText)
    {
        Assert.Contains(oldText, json, StringComparison.Ordinal);
        return json.Replace(oldText, newText, StringComparison.Ordinal);
    }

    private static string ReadError(string json) =>
        Assert.Throws<ModelValidationException>(() => ModelJson.Read(json, Source)).Message;
}

/// <summary>The model files under tests/data (located by <see cref="TestData"/>).</summary>
internal static class ModelFiles
{
    public static string Path(string relativePath) => RepositoryFolders.TestDataPath(relativePath.Split('/'));

    public static IEnumerable<string> BenchModels() =>
        Directory.EnumerateFiles(Path("bench-models"), "*.json").Select(Relative).Order(StringComparer.Ordinal);

    /// <summary>Every fixture file of kind "agent" (each holds a <c>model</c> object).</summary>
    public static IEnumerable<string> AgentFixtures() =>
        Directory.EnumerateFiles(Path("conformance"), "*.json", SearchOption.AllDirectories)
            .Where(IsAgentFixture)
            .Select(Relative)
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> Theory(IEnumerable<string> items)
    {
        var data = new TheoryData<string>();
        foreach (string item in items)
        {
            data.Add(item);
        }

        return data;
    }

    private static bool IsAgentFixture(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.TryGetProperty("kind", out JsonElement kind) && kind.GetString() == "agent";
    }

    private static string Relative(string path) => System.IO.Path.GetRelativePath(RepositoryFolders.TestData, path).Replace('\\', '/');
}

/// <summary>Exact equality of models, options and documents, with messages naming the part.</summary>
internal static class ModelAssert
{
    public static void DocumentsEqual(ModelDocument expected, ModelDocument actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Description, actual.Description);
        ModelsEqual(expected.Model, actual.Model);
        OptionsEqual(expected.Options, actual.Options);
        if (expected.Bench is null)
        {
            Assert.Null(actual.Bench);
            return;
        }

        Assert.NotNull(actual.Bench);
        Assert.Equal(expected.Bench.Seed, actual.Bench.Seed);
        Assert.Equal(expected.Bench.Warmup, actual.Bench.Warmup);
        Assert.Equal(expected.Bench.Iterations, actual.Bench.Iterations);
        Assert.Equal(expected.Bench.Operations, actual.Bench.Operations);
        Assert.Equal(expected.Bench.OperationOrder, actual.Bench.OperationOrder);
        Assert.Equal(expected.Bench.Note, actual.Bench.Note);
        Assert.Equal(expected.Bench.Observations.Count, actual.Bench.Observations.Count);
        for (int i = 0; i < expected.Bench.Observations.Count; i++)
        {
            Assert.Equal(expected.Bench.Observations[i].ToArray(), actual.Bench.Observations[i].ToArray());
        }
    }

    public static void ModelsEqual(GenerativeModel expected, GenerativeModel actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.NumObservations.ToArray(), actual.NumObservations.ToArray());
        Assert.Equal(expected.NumStates.ToArray(), actual.NumStates.ToArray());
        Assert.Equal(expected.NumControls.ToArray(), actual.NumControls.ToArray());
        TensorsEqual(expected.Likelihood, actual.Likelihood, "A");
        TensorsEqual(expected.Transitions, actual.Transitions, "B");
        TensorsEqual(expected.Preferences, actual.Preferences, "C");
        TensorsEqual(expected.InitialStatePrior, actual.InitialStatePrior, "D");
        TensorsEqual(expected.PolicyPrior is null ? null : [expected.PolicyPrior], actual.PolicyPrior is null ? null : [actual.PolicyPrior], "E");
        TensorsEqual(expected.LikelihoodConcentration, actual.LikelihoodConcentration, "pA");
        TensorsEqual(expected.TransitionConcentration, actual.TransitionConcentration, "pB");
        TensorsEqual(expected.InitialStateConcentration, actual.InitialStateConcentration, "pD");
        Assert.Equal(
            (expected.Policies.Count, expected.Policies.Length, expected.Policies.Factors),
            (actual.Policies.Count, actual.Policies.Length, actual.Policies.Factors));
        Assert.Equal(expected.Policies.Span.ToArray(), actual.Policies.Span.ToArray());
    }

    public static void OptionsEqual(AgentOptions expected, AgentOptions actual)
    {
        foreach (PropertyInfo property in typeof(AgentOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            object? e = property.GetValue(expected);
            object? a = property.GetValue(actual);
            if (e is IReadOnlyList<int> eList && a is IReadOnlyList<int> aList)
            {
                Assert.True(eList.SequenceEqual(aList), $"{property.Name}: [{string.Join(", ", eList)}] != [{string.Join(", ", aList)}]");
            }
            else
            {
                Assert.True(Equals(e, a), $"{property.Name}: {e} != {a}");
            }
        }
    }

    private static void TensorsEqual(IReadOnlyList<Tensor>? expected, IReadOnlyList<Tensor>? actual, string name)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{name}: expected absent, got {actual?.Count} tensors.");
            return;
        }

        Assert.True(actual is not null, $"{name}: expected {expected.Count} tensors, got none.");
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].ShapeSpan.SequenceEqual(actual[i].ShapeSpan), $"{name}[{i}]: shape {expected[i].ShapeText} != {actual[i].ShapeText}");
            Assert.Equal(expected[i].ToArray(), actual[i].ToArray());
        }
    }
}
