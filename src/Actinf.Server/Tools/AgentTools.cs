using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actinf.Core.Agents;
using Actinf.Core.Io;
using Actinf.Core.Models;
using Actinf.Server.Agents;
using Actinf.Server.Contracts;
using Actinf.Server.Stores;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Actinf.Server.Tools;

/// <summary>
/// Discrete active inference agents (pymdp-equivalent, Actinf.Core) held durably by the server: create one from an
/// actinf-model/1 document, then feed it one observation per step and get its beliefs, policy posterior and action.
/// </summary>
/// <remarks>Argument names are snake_case C# parameter names on purpose: the SDK uses parameter names as written (issue #6).</remarks>
[McpServerToolType]
internal sealed class AgentTools
{
    /// <summary>JSON-RPC code of an invalid model (seed 004's -32012).</summary>
    private const int InvalidModel = -32012;

    /// <summary>Most policies an agent may have (P = prod(num_controls)^policy_len without explicit policies).</summary>
    private const long MaxPolicies = 100_000;

    /// <summary>Largest P·T·F for which the policies are listed in the reply.</summary>
    private const long MaxListedPolicyEntries = 10_000;

    [McpServerTool(Name = "agent_create", Title = "Create a discrete agent", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Create a discrete active inference agent (a POMDP agent numerically equal to pymdp 0.0.7.1) from an actinf-model/1 document: likelihood A, transitions B, preferences C, initial-state prior D, optional policy prior E and Dirichlet concentrations pA/pB/pD, and settings. Optional arguments override the document's settings. Returns agent_id and a summary (factors, modalities, number of policies). Then call agent_step with one observation per step. Agents are stored durably and survive server restarts. An invalid model fails with -32012 and a message naming the problem (shape mismatch, column not summing to 1, ...).")]
    public static async Task<AgentCreated> CreateAsync(
        AgentRegistry registry,
        [Description("The actinf-model/1 document, as a JSON object or as a JSON string. Required keys: format ('actinf-model/1'), num_obs [outcomes per modality], num_states [states per factor, each >= 2], num_controls [actions per factor, 1 = uncontrolled], A (one tensor {shape, data} per modality, shape [num_obs[m], num_states...], columns sum to 1), B (one tensor per factor, shape [num_states[f], num_states[f], num_controls[f]], B[s', s, u], columns sum to 1). Optional: C (log-preferences per modality), D (initial-state prior per factor), E, pA, pB, pD, policies, settings. Tensor data is row-major (last index fastest).")] JsonElement model,
        [Description("Steps per policy (planning horizon T); overrides settings.policy_len (default 1) and replaces the model's policies by all P = prod(num_controls)^T action combinations (at most 100000).")] int? policy_len = null,
        [Description("State inference algorithm: VANILLA (fixed-point iteration, default) or MMP (marginal message passing; needs inference_horizon >= 2). Overrides settings.inference_algo.")] string? inference_algo = null,
        [Description("MMP: number of past observations in the inference window (>= 2). Overrides settings.inference_horizon (default 1).")] int? inference_horizon = null,
        [Description("Iterations of state inference (>= 1). Overrides settings.inference_params.num_iter (default 10).")] int? num_iter = null,
        [Description("Policy precision gamma: q_pi = softmax(gamma * g + ln E). Overrides settings.gamma (default 16).")] double? gamma = null,
        [Description("Action precision alpha of stochastic selection. Overrides settings.alpha (default 16).")] double? alpha = null,
        [Description("deterministic (take the most probable action; default) or stochastic (sample it with the seed). Overrides settings.action_selection.")] string? action_selection = null,
        [Description("marginal (choose each factor's action from the marginal of the policies' first actions; default) or full (choose a whole policy). Overrides settings.sampling_mode.")] string? sampling_mode = null,
        [Description("Include expected utility (reaching preferred outcomes C) in g. Overrides settings.use_utility (default true).")] bool? use_utility = null,
        [Description("Include expected information gain about hidden states in g. Overrides settings.use_states_info_gain (default true).")] bool? use_states_info_gain = null,
        [Description("Include information gain about pA/pB parameters in g. Overrides settings.use_param_info_gain (default false).")] bool? use_param_info_gain = null,
        [Description("Seed of stochastic action selection; the same seed and observations give the same actions. Default 0.")] int seed = 0,
        [Description("Learn the likelihood: every step updates the Dirichlet concentrations pA (needs pA in the model; VANILLA only). Default false.")] bool learn_a = false,
        [Description("Learn the transitions: every step after the first updates pB (needs pB in the model; VANILLA only). Default false.")] bool learn_b = false,
        [Description("Learn the initial-state prior: each agent_reset (end of an episode) updates pD from the episode's first posterior (needs pD in the model). Default false.")] bool learn_d = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        long start = Stopwatch.GetTimestamp();
        JsonObject document = ParseModel(model);
        JsonObject settings = Settings(document);
        Set(settings, "policy_len", policy_len, v => v >= 1, "an integer >= 1");
        if (policy_len is not null)
        {
            // The model's own policy list has its own length: replace it by every combination over policy_len steps.
            document.Remove("policies");
        }

        Set(settings, "inference_horizon", inference_horizon, v => v >= 1, "an integer >= 1 (MMP needs >= 2)");
        SetIterations(settings, num_iter);
        SetFinite(settings, "gamma", gamma);
        SetFinite(settings, "alpha", alpha);
        SetName(settings, "inference_algo", inference_algo, ["VANILLA", "MMP"], upper: true);
        SetName(settings, "action_selection", action_selection, ["deterministic", "stochastic"], upper: false);
        SetName(settings, "sampling_mode", sampling_mode, ["marginal", "full"], upper: false);
        SetBool(settings, "use_utility", use_utility);
        SetBool(settings, "use_states_info_gain", use_states_info_gain);
        SetBool(settings, "use_param_info_gain", use_param_info_gain);
        CheckPolicyCount(document, settings, policy_len is not null);

        ModelDocument doc;
        try
        {
            doc = ModelJson.Read(document.ToJsonString(), "model");

            // A recorded bench workload is of no use to a live agent; it would only grow the stored document.
            doc = new ModelDocument(doc.Model, doc.Options, doc.Name, doc.Description);
        }
        catch (ModelValidationException e)
        {
            throw InvalidModelError(e.Message, e);
        }

        AgentLearning learning = Learning(doc, learn_a, learn_b, learn_d);
        HeldAgent agent;
        try
        {
            agent = HeldAgent.Create(Guid.CreateVersion7(), doc, seed, learning);
        }
        catch (ArgumentException e)
        {
            throw InvalidModelError($"model: {e.Message}", e);
        }

        return await registry.CreateAsync(
            agent,
            a => new AgentCreated(
                a.Id,
                a.Document.Name,
                Factors(a.Document.Model),
                Modalities(a.Document.Model),
                a.Agent.NumPolicies,
                a.Document.PolicyLength,
                Policies(a.Document.Model),
                SettingsOf(a),
                PulseOf(a),
                ElapsedMs(start)),
            cancellationToken).ConfigureAwait(false);
    }

    [McpServerTool(Name = "agent_step", Title = "Step a discrete agent", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Give a discrete agent one observation and get back what it now believes and does: posterior over hidden states per factor, policy posterior q_pi, g per policy, and the action to take (one control index per factor). Sign convention: g is the NEGATIVE expected free energy (pymdp's G, nats): larger is better, and q_pi = softmax(gamma * g + ln E). Each call advances time_step by one; the agent's next prior follows from this action, so pass the observation that results from it next. The step is stored durably before the reply. An observation of the wrong length or with an outcome out of range fails with -32602 naming the modality and its range; an unknown agent_id with -32000.")]
    public static async Task<AgentStepped> StepAsync(
        AgentRegistry registry,
        [Description("The agent id returned by agent_create.")] Guid agent_id,
        [Description("The observation: one outcome index per modality, in modality order; observation[m] must be in [0, outcomes of modality m - 1] (see the modalities of agent_create or agent_get).")] int[] observation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        long start = Stopwatch.GetTimestamp();
        if (observation is null)
        {
            throw McpErrors.InvalidParams("Parameter 'observation' is required: one outcome index per modality.");
        }

        int[] o = [.. observation];
        int timeStep = 0;
        return await registry.UpdateAsync(
            agent_id,
            a => CheckObservation(a.Document.Model, o),
            a =>
            {
                timeStep = a.Agent.Time;
                return a.Step(o);
            },
            a => new AgentStepped(
                a.Id,
                timeStep,
                o,
                Posterior(a.Agent),
                a.Agent.PolicyPosterior.ToArray(),
                a.Agent.NegativeExpectedFreeEnergy.ToArray(),
                a.Agent.Action.ToArray(),
                ActionMarginals(a.Agent),
                a.Surprise,
                a.TotalSteps,
                PulseOf(a),
                ElapsedMs(start)),
            cancellationToken).ConfigureAwait(false);
    }

    [McpServerTool(Name = "agent_get", Title = "Inspect a discrete agent", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Summarise a discrete agent: its factors, modalities, policies count and settings, the steps taken, and its current beliefs (posterior per factor, last q_pi and g, last observation and action). Changes nothing.")]
    public static async Task<AgentDetails> GetAsync(
        AgentRegistry registry,
        [Description("The agent id returned by agent_create.")] Guid agent_id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return await registry.ReadAsync(
            agent_id,
            a => new AgentDetails(
                a.Id,
                a.Document.Name,
                a.Agent.Time,
                a.TotalSteps,
                Factors(a.Document.Model),
                Modalities(a.Document.Model),
                a.Agent.NumPolicies,
                SettingsOf(a),
                Posterior(a.Agent),
                a.HasPolicyPosterior ? a.Agent.PolicyPosterior.ToArray() : null,
                a.HasPolicyPosterior ? a.Agent.NegativeExpectedFreeEnergy.ToArray() : null,
                a.LastObservation,
                a.Agent.HasAction ? a.Agent.Action.ToArray() : null,
                PulseOf(a)),
            cancellationToken).ConfigureAwait(false);
    }

    [McpServerTool(Name = "agent_reset", Title = "Start a new episode", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("End the agent's episode: beliefs become uniform, time_step returns to 0 and the next agent_step uses the initial-state prior D. Learned parameters are kept; with learn_d, pD first learns from the episode's first posterior. Stored durably.")]
    public static async Task<AgentReset> ResetAsync(
        AgentRegistry registry,
        [Description("The agent id returned by agent_create.")] Guid agent_id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return await registry.UpdateAsync(
            agent_id,
            _ => { },
            a => a.Reset(),
            a => new AgentReset(a.Id, a.Agent.Time, a.TotalSteps, Posterior(a.Agent), PulseOf(a)),
            cancellationToken).ConfigureAwait(false);
    }

    [McpServerTool(Name = "agent_delete", Title = "Delete a discrete agent", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Delete a discrete agent permanently, from memory and from the store. An unknown agent_id is an error (-32000).")]
    public static async Task<AgentDeleted> DeleteAsync(
        AgentRegistry registry,
        [Description("The agent id to delete.")] Guid agent_id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        (float u, float c) = await registry.DeleteAsync(agent_id, cancellationToken).ConfigureAwait(false);
        return new AgentDeleted(agent_id, true, Pulse.From(u, c));
    }

    /// <summary>The pulse of an agent: entropy = mean normalised posterior entropy; coherence = exp(-surprise / M) of the last observation.</summary>
    internal static Pulse PulseOf(HeldAgent agent) => Pulse.From(agent.UncertaintyLevel, agent.Coherence);

    private static McpProtocolException InvalidModelError(string message, Exception cause)
    {
        var error = new McpProtocolException(message, cause, (McpErrorCode)InvalidModel);
        error.Data["kind"] = "InvalidModel";
        return error;
    }

    private static JsonObject ParseModel(JsonElement model)
    {
        try
        {
            JsonNode? node = model.ValueKind switch
            {
                JsonValueKind.Object => JsonNode.Parse(model.GetRawText()),
                JsonValueKind.String => JsonNode.Parse(model.GetString() ?? string.Empty),
                _ => throw McpErrors.InvalidParams($"Parameter 'model' must be an actinf-model/1 document (a JSON object, or that JSON as a string); got a JSON {model.ValueKind}."),
            };
            return node as JsonObject
                ?? throw InvalidModelError($"model: the document must be a JSON object; got a JSON {node?.GetValueKind().ToString() ?? "null"}.", new JsonException());
        }
        catch (JsonException e)
        {
            throw InvalidModelError($"model: malformed JSON: {e.Message}", e);
        }
    }

    private static JsonObject Settings(JsonObject document)
    {
        switch (document["settings"])
        {
            case JsonObject existing:
                return existing;
            case null:
                var created = new JsonObject();
                document["settings"] = created;
                return created;
            default:
                throw InvalidModelError("model: settings must be a JSON object.", new JsonException());
        }
    }

    private static void Set(JsonObject settings, string key, int? value, Func<int, bool> valid, string expected)
    {
        if (value is int v)
        {
            if (!valid(v))
            {
                throw McpErrors.InvalidParams(string.Create(CultureInfo.InvariantCulture, $"Parameter '{key}' is {v}; it must be {expected}."));
            }

            settings[key] = v;
        }
    }

    private static void SetIterations(JsonObject settings, int? value)
    {
        if (value is int v)
        {
            if (v < 1)
            {
                throw McpErrors.InvalidParams(string.Create(CultureInfo.InvariantCulture, $"Parameter 'num_iter' is {v}; it must be an integer >= 1."));
            }

            if (settings["inference_params"] is not JsonObject parameters)
            {
                parameters = [];
                settings["inference_params"] = parameters;
            }

            parameters["num_iter"] = v;
        }
    }

    private static void SetFinite(JsonObject settings, string key, double? value)
    {
        if (value is double v)
        {
            if (!double.IsFinite(v))
            {
                throw McpErrors.InvalidParams($"Parameter '{key}' must be a finite number.");
            }

            settings[key] = v;
        }
    }

    private static void SetBool(JsonObject settings, string key, bool? value)
    {
        if (value is bool v)
        {
            settings[key] = v;
        }
    }

    private static void SetName(JsonObject settings, string key, string? value, string[] allowed, bool upper)
    {
        if (value is null)
        {
            return;
        }

        string normalised = upper ? value.ToUpperInvariant() : value.ToLowerInvariant();
        if (upper && normalised == "FPI")
        {
            normalised = "VANILLA";
        }

        if (!allowed.Contains(normalised, StringComparer.Ordinal))
        {
            throw McpErrors.InvalidParams($"Parameter '{key}' is '{value}'; expected one of {string.Join(", ", allowed)}.");
        }

        settings[key] = normalised;
    }

    /// <summary>Rejects a policy enumeration that would not fit in memory before the model is read.</summary>
    private static void CheckPolicyCount(JsonObject document, JsonObject settings, bool fromArgument)
    {
        if (document["policies"] is not null || document["num_controls"] is not JsonArray controls)
        {
            return;
        }

        int length = 1;
        if (settings["policy_len"] is JsonValue lengthValue && lengthValue.TryGetValue(out int parsedLength) && parsedLength > 0)
        {
            length = parsedLength;
        }

        double perStep = 1;
        foreach (JsonNode? c in controls)
        {
            if (c is JsonValue v && v.TryGetValue(out int n) && n > 0)
            {
                perStep *= n;
            }
        }

        double count = Math.Pow(perStep, length);
        if (count > MaxPolicies)
        {
            string message = string.Create(CultureInfo.InvariantCulture, $"policy_len {length} with {perStep:0} action combinations per step gives {count:G4} policies; at most {MaxPolicies} are allowed. Use a shorter policy_len or list the policies in the model.");
            throw fromArgument ? McpErrors.InvalidParams($"Parameter 'policy_len': {message}") : InvalidModelError($"model: {message}", new ArgumentException(message));
        }
    }

    private static AgentLearning Learning(ModelDocument doc, bool learnA, bool learnB, bool learnD)
    {
        bool mmp = doc.Options.Algorithm == InferenceAlgorithm.Mmp;
        AgentLearning learning = AgentLearning.None;
        if (learnA)
        {
            Require(doc.Model.LikelihoodConcentration is not null, "learn_a", "pA");
            RequireVanilla(mmp, "learn_a");
            learning |= AgentLearning.Likelihood;
        }

        if (learnB)
        {
            Require(doc.Model.TransitionConcentration is not null, "learn_b", "pB");
            RequireVanilla(mmp, "learn_b");
            learning |= AgentLearning.Transitions;
        }

        if (learnD)
        {
            Require(doc.Model.InitialStateConcentration is not null, "learn_d", "pD");
            learning |= AgentLearning.InitialState;
        }

        return learning;
    }

    private static void Require(bool present, string parameter, string key)
    {
        if (!present)
        {
            throw McpErrors.InvalidParams($"Parameter '{parameter}' needs Dirichlet concentrations '{key}' in the model (same shapes as {key[1..]}); add them or leave {parameter} false.");
        }
    }

    private static void RequireVanilla(bool mmp, string parameter)
    {
        if (mmp)
        {
            throw McpErrors.InvalidParams($"Parameter '{parameter}' needs inference_algo VANILLA: A/B learning is not defined for MMP (pymdp 0.0.7.1).");
        }
    }

    private static void CheckObservation(GenerativeModel model, int[] observation)
    {
        ReadOnlySpan<int> outcomes = model.NumObservations;
        if (observation.Length != outcomes.Length)
        {
            throw McpErrors.InvalidParams(string.Create(CultureInfo.InvariantCulture, $"Parameter 'observation' has {observation.Length} entries; the model has {outcomes.Length} modalities, so give one outcome index per modality."));
        }

        for (int m = 0; m < observation.Length; m++)
        {
            if ((uint)observation[m] >= (uint)outcomes[m])
            {
                throw McpErrors.InvalidParams(string.Create(CultureInfo.InvariantCulture, $"Parameter 'observation': observation[{m}] = {observation[m]} is out of range for modality {m}, which has {outcomes[m]} outcomes (valid: 0 to {outcomes[m] - 1})."));
            }
        }
    }

    private static AgentFactor[] Factors(GenerativeModel model)
    {
        var factors = new AgentFactor[model.NumFactors];
        for (int f = 0; f < factors.Length; f++)
        {
            factors[f] = new AgentFactor(f, model.NumStates[f], model.NumControls[f]);
        }

        return factors;
    }

    private static AgentModality[] Modalities(GenerativeModel model)
    {
        var modalities = new AgentModality[model.NumModalities];
        for (int m = 0; m < modalities.Length; m++)
        {
            modalities[m] = new AgentModality(m, model.NumObservations[m]);
        }

        return modalities;
    }

    private static int[][][]? Policies(GenerativeModel model)
    {
        Core.Tensors.PolicySet policies = model.Policies;
        if ((long)policies.Count * policies.Length * policies.Factors > MaxListedPolicyEntries)
        {
            return null;
        }

        var result = new int[policies.Count][][];
        for (int p = 0; p < result.Length; p++)
        {
            result[p] = new int[policies.Length][];
            for (int t = 0; t < policies.Length; t++)
            {
                result[p][t] = policies.Actions(p, t).ToArray();
            }
        }

        return result;
    }

    private static AgentSettings SettingsOf(HeldAgent agent)
    {
        AgentOptions o = agent.Agent.Options;
        return new AgentSettings(
            o.Algorithm == InferenceAlgorithm.Mmp ? "MMP" : "VANILLA",
            agent.Document.PolicyLength,
            o.InferenceHorizon,
            o.NumIterations,
            o.PolicyPrecision,
            o.ActionPrecision,
            o.ActionSelection == ActionSelection.Stochastic ? "stochastic" : "deterministic",
            o.SamplingMode == SamplingMode.Full ? "full" : "marginal",
            o.UseUtility,
            o.UseStateInformationGain,
            o.UseParameterInformationGain,
            agent.Seed,
            (agent.Learning & AgentLearning.Likelihood) != 0,
            (agent.Learning & AgentLearning.Transitions) != 0,
            (agent.Learning & AgentLearning.InitialState) != 0);
    }

    private static double[][] Posterior(Agent agent)
    {
        var result = new double[agent.Model.NumFactors][];
        for (int f = 0; f < result.Length; f++)
        {
            result[f] = agent.Posterior(f).ToArray();
        }

        return result;
    }

    private static double[][] ActionMarginals(Agent agent)
    {
        var result = new double[agent.Model.NumFactors][];
        for (int f = 0; f < result.Length; f++)
        {
            result[f] = agent.ActionMarginal(f).ToArray();
        }

        return result;
    }

    private static double ElapsedMs(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}
