namespace Actinf.Core.Agents;

/// <summary>State-inference algorithm.</summary>
public enum InferenceAlgorithm
{
    /// <summary>Fixed-point iteration on the current observation (pymdp "VANILLA").</summary>
    Fpi,

    /// <summary>Marginal message passing over a window of past observations and policy futures (pymdp "MMP").</summary>
    Mmp,
}

/// <summary>How an action is chosen from the policy posterior.</summary>
public enum ActionSelection
{
    /// <summary>The most probable action (ties go to the lowest index).</summary>
    Deterministic,

    /// <summary>Sampled from <c>softmax(alpha · ln q)</c>.</summary>
    Stochastic,
}

/// <summary>Which distribution an action is chosen from.</summary>
public enum SamplingMode
{
    /// <summary>Per factor, the marginal over the first action of every policy.</summary>
    Marginal,

    /// <summary>A whole policy is chosen; its first action is taken.</summary>
    Full,
}

/// <summary>
/// Options of an <see cref="Agent"/>: inference, planning, selection and learning. Defaults are pymdp
/// 0.0.7.1's <c>Agent.__init__</c> defaults (the <c>settings</c> object of actinf-model/1).
/// </summary>
public sealed record AgentOptions
{
    /// <summary>Options with every default.</summary>
    public static AgentOptions Default { get; } = new();

    /// <summary>State-inference algorithm. Default <see cref="InferenceAlgorithm.Fpi"/>.</summary>
    public InferenceAlgorithm Algorithm { get; init; } = InferenceAlgorithm.Fpi;

    /// <summary>H: number of observations in the MMP window (MMP only; at least 2). Default 1 (FPI ignores it).</summary>
    public int InferenceHorizon { get; init; } = 1;

    /// <summary>Iterations: FPI's maximum (default 10) and MMP's fixed count (default 10).</summary>
    public int NumIterations { get; init; } = 10;

    /// <summary>FPI: initial free-energy change that lets the first iteration run. Default 1.0.</summary>
    public double InitialFreeEnergyChange { get; init; } = 1.0;

    /// <summary>FPI: stop when the change of variational free energy falls below this. Default 0.001 (nats).</summary>
    public double FreeEnergyTolerance { get; init; } = 0.001;

    /// <summary>MMP: gradient step size tau. Default 0.25.</summary>
    public double MmpStepSize { get; init; } = 0.25;

    /// <summary>gamma: precision of the policy posterior <c>q(pi) = softmax(gamma·G + ln E)</c>. Default 16.</summary>
    public double PolicyPrecision { get; init; } = 16.0;

    /// <summary>alpha: precision of stochastic action selection. Default 16.</summary>
    public double ActionPrecision { get; init; } = 16.0;

    /// <summary>Include expected utility (pragmatic value) in G. Default true.</summary>
    public bool UseUtility { get; init; } = true;

    /// <summary>Include expected state information gain (epistemic value) in G. Default true.</summary>
    public bool UseStateInformationGain { get; init; } = true;

    /// <summary>Include Dirichlet parameter information gain for pA and pB (where present) in G. Default false.</summary>
    public bool UseParameterInformationGain { get; init; }

    /// <summary>Action selection rule. Default deterministic.</summary>
    public ActionSelection ActionSelection { get; init; } = ActionSelection.Deterministic;

    /// <summary>Sampling mode. Default marginal.</summary>
    public SamplingMode SamplingMode { get; init; } = SamplingMode.Marginal;

    /// <summary>Learning rate of the likelihood's Dirichlet concentrations pA. Default 1.</summary>
    public double LikelihoodLearningRate { get; init; } = 1.0;

    /// <summary>Learning rate of the transitions' Dirichlet concentrations pB. Default 1.</summary>
    public double TransitionLearningRate { get; init; } = 1.0;

    /// <summary>Learning rate of the initial-state prior's Dirichlet concentrations pD. Default 1.</summary>
    public double InitialStateLearningRate { get; init; } = 1.0;

    /// <summary>Modalities whose pA is learned; null means all. Default null.</summary>
    public IReadOnlyList<int>? ModalitiesToLearn { get; init; }

    /// <summary>Factors whose pB and pD are learned; null means all. Default null.</summary>
    public IReadOnlyList<int>? FactorsToLearn { get; init; }

    /// <summary>MMP: the prior of the window's first step is the policy-averaged belief (Bayesian model average). Default true.</summary>
    public bool UseBayesianModelAverage { get; init; } = true;

    /// <summary>MMP: keep the window prior separately per policy. When true, <see cref="UseBayesianModelAverage"/> is ignored. Default false.</summary>
    public bool PolicySeparatedPrior { get; init; }

    /// <summary>
    /// Caches and skips the engine may use (default all). Switching one off never changes a result beyond
    /// rounding (see <see cref="ComputeShortcuts"/>); it exists to measure what each saves.
    /// </summary>
    public ComputeShortcuts Shortcuts { get; init; } = ComputeShortcuts.All;

    /// <summary>
    /// Steps kept in <see cref="Agent.History"/> (posterior, q(pi) and action per action taken; buffers
    /// allocated once). Default 0: no history.
    /// </summary>
    public int HistoryCapacity { get; init; }

    /// <summary>Seed of stochastic action selection; the same seed gives the same run. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Checks the options against a model's dimensions.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate(int numModalities, int numFactors)
    {
        if (Algorithm == InferenceAlgorithm.Mmp && InferenceHorizon < 2)
        {
            throw new ArgumentException($"inference_horizon is {InferenceHorizon}; MMP needs at least 2 (with 1, pymdp gives every policy the same beliefs after the first step).");
        }

        if (InferenceHorizon < 1)
        {
            throw new ArgumentException($"inference_horizon is {InferenceHorizon}; it must be at least 1.");
        }

        if (NumIterations < 1)
        {
            throw new ArgumentException($"num_iter is {NumIterations}; it must be at least 1.");
        }

        if (Algorithm == InferenceAlgorithm.Mmp && !UseBayesianModelAverage && !PolicySeparatedPrior)
        {
            throw new ArgumentException("MMP needs use_BMA or policy_sep_prior to be true (with both false the window prior is undefined).");
        }

        if (HistoryCapacity < 0)
        {
            throw new ArgumentException($"HistoryCapacity is {HistoryCapacity}; it must be 0 (no history) or a positive number of steps.");
        }

        CheckFinite(InitialFreeEnergyChange, "dF");
        CheckFinite(FreeEnergyTolerance, "dF_tol");
        CheckFinite(MmpStepSize, "tau");
        CheckFinite(PolicyPrecision, "gamma");
        CheckFinite(ActionPrecision, "alpha");
        CheckLearningRate(LikelihoodLearningRate, "lr_pA");
        CheckLearningRate(TransitionLearningRate, "lr_pB");
        CheckLearningRate(InitialStateLearningRate, "lr_pD");
        CheckIndices(ModalitiesToLearn, numModalities, "modalities_to_learn", "modality");
        CheckIndices(FactorsToLearn, numFactors, "factors_to_learn", "factor");
    }

    private static void CheckFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} is {value}; it must be a finite number.", name);
        }
    }

    private static void CheckLearningRate(double value, string name)
    {
        // A negative rate removes counts and can drive concentrations, hence A, B or D, below zero.
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentException($"{name} is {value}; a learning rate must be a finite number >= 0.", name);
        }
    }

    private static void CheckIndices(IReadOnlyList<int>? indices, int count, string name, string what)
    {
        if (indices is null)
        {
            return;
        }

        foreach (int i in indices)
        {
            if ((uint)i >= (uint)count)
            {
                throw new ArgumentException($"{name} names {what} {i}, but the model has {count} (indices 0..{count - 1}).", name);
            }
        }
    }
}
