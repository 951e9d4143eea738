using Actinf.Core.Control;
using Actinf.Core.Inference;
using Actinf.Core.Kernels;
using Actinf.Core.Learning;
using Actinf.Core.Models;

namespace Actinf.Core.Agents;

/// <summary>
/// Everything an agent mutates, allocated once at construction: its copy of the parameters, the caches
/// derived from them, beliefs, policy scores and selection buffers.
/// </summary>
/// <remarks>
/// Internal layouts: A[m] row-major <c>[No_m, S]</c> (S = joint states, as pymdp); B[f] per action as
/// a <see cref="LinearOperator"/> <c>[s', s]</c>; factorised beliefs flat over factors (<see cref="StateSpace"/>).
/// </remarks>
internal sealed partial class Workspace
{
    private readonly AgentOptions _o;
    private readonly StateSpace _space;
    private readonly int[] _numObs;
    private readonly int[] _numControls;
    private readonly int[] _controlOffset;
    private readonly int _modalities;
    private readonly int _factors;
    private readonly int _jointStates;
    private readonly int _policyCount;
    private readonly int _policyLength;
    private readonly Tensors.PolicySet _policies;

    // Parameters (the agent's own copy; learning changes them).
    private readonly double[][] _a;
    private readonly double[][]? _pA;
    private readonly LinearOperator[][] _b;
    private readonly double[][][]? _pB;
    private readonly double[] _d;
    private readonly double[]? _pD;
    private readonly double[] _lnC;
    private readonly double[] _lnE;

    // Derived from the parameters.
    private readonly ExpectedFreeEnergy _efe;
    private readonly double[][][]? _wb;
    private readonly LinearOperator[][]? _bt;

    // Beliefs.
    private readonly double[] _qs;
    private readonly double[] _qsPrev;
    private readonly double[] _qsFirst;
    private bool _hasQsFirst;
    private readonly double[] _prior;
    private readonly double[] _logPrior;
    private readonly double[] _logLikelihood;
    private readonly double[] _joint;
    private readonly double[] _factorScratch;

    // Policies.
    private readonly PolicyTree _tree;
    private readonly double[] _nodeStates;
    private readonly double[] _nodeUtility;
    private readonly double[] _nodeInfoGain;
    private readonly double[] _nodeLikelihoodNovelty;
    private readonly double[] _nodeTransitionNovelty;
    private readonly double[] _g;
    private readonly double[] _qPi;
    private readonly double[] _utility;
    private readonly double[] _infoGain;
    private readonly double[] _paramGain;
    private readonly double[] _policyF;
    private readonly double[] _policyLogits;
    private bool _hasQPi;

    // Shortcuts: what the last state inference and policy evaluation saw, and the parameter version
    // (bumped whenever learning changes A or B) their results belong to.
    private readonly int[]? _lastObservation;
    private readonly double[]? _lastPrior;
    private bool _hasLastInference;
    private long _lastInferenceVersion;
    private readonly double[]? _scoredStates;
    private readonly long[]? _scoredVersion;
    private readonly bool[]? _nodeUnchanged;
    private readonly double[]? _rootScored;
    private bool _rootScoredValid;
    private long _rootScoredVersion;
    private long _parameterVersion = 1;
    private long _stateInferences;
    private long _stateInferencesSkipped;
    private long _policyStepEvaluations;
    private long _policyNodesScored;
    private long _policyNodesReused;

    // Diagnostics of the last state inference.
    private readonly double[] _freeEnergyTrace;
    private int _traceLength;
    private long _nonFiniteEvents;

    // Selection.
    private readonly double[] _marginals;
    private readonly double[] _actionProbs;
    private readonly double[] _policyProbs;
    private readonly double[] _logScratch;
    private readonly int[] _action;
    private Random _rng;

    public Workspace(GenerativeModel model, AgentOptions options)
    {
        _o = options;
        _space = new StateSpace(model.NumStates);
        _numObs = model.NumObservations.ToArray();
        _numControls = model.NumControls.ToArray();
        _modalities = _numObs.Length;
        _factors = _space.Factors;
        _jointStates = _space.JointSize;
        _policies = model.Policies;
        _policyCount = _policies.Count;
        _policyLength = _policies.Length;
        _controlOffset = new int[_factors];
        int totalControls = 0;
        for (int f = 0; f < _factors; f++)
        {
            _controlOffset[f] = totalControls;
            totalControls += _numControls[f];
        }

        bool mmp = options.Algorithm == InferenceAlgorithm.Mmp;
        if (mmp && options.UseParameterInformationGain && model.TransitionConcentration is not null)
        {
            throw new ArgumentException(
                "pB information gain is not defined for MMP (pymdp 0.0.7.1 crashes on it): set use_param_info_gain to false, remove pB, or use the FPI (VANILLA) algorithm.",
                nameof(options));
        }

        _a = new double[_modalities][];
        for (int m = 0; m < _modalities; m++)
        {
            _a[m] = model.Likelihood[m].ToArray();
        }

        if (model.LikelihoodConcentration is { } pA)
        {
            _pA = new double[_modalities][];
            for (int m = 0; m < _modalities; m++)
            {
                _pA[m] = pA[m].ToArray();
                if (!Dirichlet.ColumnsArePositive(_pA[m], _numObs[m], _jointStates, out int bad))
                {
                    throw new ArgumentException($"pA[{m}] column {bad} (joint state index) sums to 0; learning would normalise it to NaN. Give every column a positive concentration.", nameof(model));
                }
            }
        }

        _b = new LinearOperator[_factors][];
        for (int f = 0; f < _factors; f++)
        {
            int ns = _space.Sizes[f];
            _b[f] = new LinearOperator[_numControls[f]];
            ReadOnlySpan<double> src = model.Transitions[f].Span;
            for (int u = 0; u < _numControls[f]; u++)
            {
                var op = new LinearOperator(ns, ns, Has(ComputeShortcuts.SparseTransitions));
                CopyActionSlice(src, ns, _numControls[f], u, op.Values);
                op.Refresh();
                _b[f][u] = op;
            }
        }

        if (model.TransitionConcentration is { } pB)
        {
            _pB = new double[_factors][][];
            for (int f = 0; f < _factors; f++)
            {
                int ns = _space.Sizes[f];
                _pB[f] = new double[_numControls[f]][];
                for (int u = 0; u < _numControls[f]; u++)
                {
                    _pB[f][u] = new double[ns * ns];
                    CopyActionSlice(pB[f].Span, ns, _numControls[f], u, _pB[f][u]);
                    if (!Dirichlet.ColumnsArePositive(_pB[f][u], ns, ns, out int bad))
                    {
                        throw new ArgumentException($"pB[{f}][:, {bad}, {u}] sums to 0; learning would normalise it to NaN. Give every column a positive concentration.", nameof(model));
                    }
                }
            }
        }

        _d = new double[_space.TotalSize];
        for (int f = 0; f < _factors; f++)
        {
            model.InitialStatePrior[f].Span.CopyTo(_space.Factor(_d.AsSpan(), f));
        }

        if (model.InitialStateConcentration is { } pD)
        {
            _pD = new double[_space.TotalSize];
            for (int f = 0; f < _factors; f++)
            {
                pD[f].Span.CopyTo(_space.Factor(_pD.AsSpan(), f));
                if (!(Dirichlet.Total(pD[f].Span) > 0))
                {
                    throw new ArgumentException($"pD[{f}] sums to 0; learning D would normalise it to NaN. Give factor {f} a positive total concentration.", nameof(model));
                }
            }
        }

        int totalObs = 0;
        foreach (int no in _numObs)
        {
            totalObs += no;
        }

        _lnC = new double[totalObs];
        int offset = 0;
        for (int m = 0; m < _modalities; m++)
        {
            Span<double> c = _lnC.AsSpan(offset, _numObs[m]);
            LogDomain.Softmax(model.Preferences[m].Span, c);
            LogDomain.LogStable(c, c);
            offset += _numObs[m];
        }

        _lnE = new double[_policyCount];
        if (model.PolicyPrior is { } e)
        {
            LogDomain.LogStable(e.Span, _lnE);
        }
        else
        {
            Array.Fill(_lnE, LogDomain.LogStable(1.0 / _policyCount));
        }

        bool novelty = options.UseParameterInformationGain;
        _efe = new ExpectedFreeEnergy(_space, _numObs, _a, novelty ? _pA : null, _lnC, Has(ComputeShortcuts.LikelihoodTermsCache));
        if (novelty && _pB is not null)
        {
            _wb = new double[_factors][][];
            for (int f = 0; f < _factors; f++)
            {
                _wb[f] = new double[_numControls[f]][];
                for (int u = 0; u < _numControls[f]; u++)
                {
                    _wb[f][u] = new double[_space.Sizes[f] * _space.Sizes[f]];
                }
            }

            RefreshTransitionNovelty();
        }

        int maxStates = 0;
        foreach (int n in _space.Sizes)
        {
            maxStates = Math.Max(maxStates, n);
        }

        _qs = new double[_space.TotalSize];
        _qsPrev = new double[_space.TotalSize];
        _qsFirst = new double[_space.TotalSize];
        _prior = new double[_space.TotalSize];
        _logPrior = new double[_space.TotalSize];
        _logLikelihood = new double[_jointStates];
        _joint = new double[_jointStates];
        _factorScratch = new double[Math.Max(maxStates, 1)];
        _freeEnergyTrace = new double[options.NumIterations + 1];

        _tree = new PolicyTree(_policies, Has(ComputeShortcuts.SharedPolicyPrefixes));
        _nodeStates = new double[_tree.NodeCount * _space.TotalSize];
        if (Has(ComputeShortcuts.ReuseUnchangedPolicyScores))
        {
            _scoredStates = new double[_nodeStates.Length];
            _scoredVersion = new long[_tree.NodeCount];
            _nodeUnchanged = new bool[_tree.NodeCount];
            _rootScored = new double[_space.TotalSize];
        }

        if (Has(ComputeShortcuts.SkipUnchangedStateInference))
        {
            _lastObservation = new int[_modalities];
            _lastPrior = new double[_space.TotalSize];
        }
        _nodeUtility = new double[_tree.NodeCount];
        _nodeInfoGain = new double[_tree.NodeCount];
        _nodeLikelihoodNovelty = new double[_tree.NodeCount * _modalities];
        _nodeTransitionNovelty = new double[_tree.NodeCount];
        _g = new double[_policyCount];
        _qPi = new double[_policyCount];
        _utility = new double[_policyCount];
        _infoGain = new double[_policyCount];
        _paramGain = new double[_policyCount];
        _policyF = new double[_policyCount];
        _policyLogits = new double[_policyCount];

        _marginals = new double[totalControls];
        _actionProbs = new double[totalControls];
        _policyProbs = new double[_policyCount];
        _logScratch = new double[Math.Max(totalControls, _policyCount)];
        _action = new int[_factors];
        _rng = new Random(options.Seed);

        if (mmp)
        {
            _bt = new LinearOperator[_factors][];
            for (int f = 0; f < _factors; f++)
            {
                _bt[f] = new LinearOperator[_numControls[f]];
                for (int u = 0; u < _numControls[f]; u++)
                {
                    _bt[f][u] = new LinearOperator(_space.Sizes[f], _space.Sizes[f], Has(ComputeShortcuts.SparseTransitions));
                    MarginalMessagePassing.TransposeNormalized(_b[f][u], _bt[f][u]);
                }
            }

            _mmp = new MmpState(this);
        }

        if (options.HistoryCapacity > 0)
        {
            History = new BeliefHistory(options.HistoryCapacity, _space, _policyCount);
        }
    }

    public BeliefHistory? History { get; }

    public ComputeCounters Counters => new(
        _stateInferences,
        _stateInferencesSkipped,
        _policyStepEvaluations,
        _policyNodesScored,
        _policyNodesReused,
        _efe.CacheBytes + (8L * ((_scoredStates?.Length ?? 0) + (_rootScored?.Length ?? 0))));

    public int Time { get; private set; }

    public bool HasAction { get; private set; }

    public ReadOnlySpan<int> Action => _action;

    public int NumPolicies => _policyCount;

    public ReadOnlySpan<double> QPi => _qPi;

    public ReadOnlySpan<double> G => _g;

    public ReadOnlySpan<double> Utility => _utility;

    public ReadOnlySpan<double> StateInfoGain => _infoGain;

    public ReadOnlySpan<double> ParamInfoGain => _paramGain;

    public ReadOnlySpan<double> PolicyF => _policyF;

    public ReadOnlySpan<double> PolicyProbabilities => _policyProbs;

    public bool HasPB => _pB is not null;

    public ReadOnlySpan<double> FreeEnergyTrace => _freeEnergyTrace.AsSpan(0, _traceLength);

    public int InferenceIterations { get; private set; }

    public long NonFiniteEvents => _nonFiniteEvents;

    public void Reset()
    {
        Time = 0;
        HasAction = false;
        _hasQsFirst = false;
        _hasQPi = false;
        for (int f = 0; f < _factors; f++)
        {
            _space.Factor(_qs.AsSpan(), f).Fill(1.0 / _space.Sizes[f]);
        }

        _rng = new Random(_o.Seed);
        _mmp?.Reset();
        History?.Clear();
        _hasLastInference = false;
        _rootScoredValid = false;
    }

    public void CheckObservation(ReadOnlySpan<int> observation)
    {
        if (observation.Length != _modalities)
        {
            throw new ArgumentException($"The observation has {observation.Length} entries; the model has {_modalities} modalities (one outcome index each).", nameof(observation));
        }

        for (int m = 0; m < _modalities; m++)
        {
            if ((uint)observation[m] >= (uint)_numObs[m])
            {
                throw new ArgumentException($"Observation of modality {m} is {observation[m]}; it must be in [0, {_numObs[m] - 1}].", nameof(observation));
            }
        }
    }

    public void CheckAction(ReadOnlySpan<int> action)
    {
        if (action.Length != _factors)
        {
            throw new ArgumentException($"The action has {action.Length} entries; the model has {_factors} factors (one control state each).", nameof(action));
        }

        for (int f = 0; f < _factors; f++)
        {
            if ((uint)action[f] >= (uint)_numControls[f])
            {
                throw new ArgumentException($"Action of factor {f} is {action[f]}; it must be in [0, {_numControls[f] - 1}].", nameof(action));
            }
        }
    }

    /// <summary>Copies B[:, :, u] of a pymdp-layout <c>[ns, ns, nc]</c> array into a row-major <c>[s', s]</c> matrix.</summary>
    private static void CopyActionSlice(ReadOnlySpan<double> src, int ns, int nc, int u, Span<double> dest)
    {
        for (int i = 0; i < ns; i++)
        {
            for (int j = 0; j < ns; j++)
            {
                dest[(i * ns) + j] = src[(((i * ns) + j) * nc) + u];
            }
        }
    }

    private bool Has(ComputeShortcuts shortcut) => (_o.Shortcuts & shortcut) != 0;

    private void RefreshTransitionNovelty()
    {
        if (_wb is null || _pB is null)
        {
            return;
        }

        for (int f = 0; f < _factors; f++)
        {
            int ns = _space.Sizes[f];
            for (int u = 0; u < _numControls[f]; u++)
            {
                Dirichlet.NoveltyWeights(_pB[f][u], ns, ns, _wb[f][u]);
            }
        }
    }
}
