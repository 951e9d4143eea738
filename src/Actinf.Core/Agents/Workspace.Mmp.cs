using System.Numerics.Tensors;
using Actinf.Core.Inference;
using Actinf.Core.Kernels;

namespace Actinf.Core.Agents;

internal sealed partial class Workspace
{
    private readonly MmpState? _mmp;

    /// <summary>
    /// The MMP agent's window: the last H observations and H-1 actions, per-policy beliefs over the window
    /// <c>[p][k][f]</c>, and the prior of the window's first step ("latest belief").
    /// </summary>
    private sealed class MmpState
    {
        private readonly Workspace _w;
        private readonly int _horizon;
        private readonly int _maxLength;
        private readonly int[] _observations;
        private readonly int[] _actions;
        private readonly double[] _likelihoods;
        private readonly int[] _rows;
        private readonly double[] _window;
        private readonly double[] _latest;
        private readonly double[] _posterior;
        private readonly double[] _initial;
        private readonly double[] _stepTerms;
        private readonly MarginalMessagePassing.Scratch _scratch;
        private int _observationCount;
        private int _actionCount;
        private int _observed;

        public MmpState(Workspace w)
        {
            _w = w;
            _horizon = w._o.InferenceHorizon;
            _maxLength = _horizon + w._policyLength;
            _observations = new int[_horizon * w._modalities];
            _actions = new int[Math.Max(_horizon - 1, 0) * w._factors];
            _likelihoods = new double[_horizon * w._jointStates];
            _rows = new int[(_horizon - 1 + w._policyLength) * w._factors];
            _window = new double[w._policyCount * _maxLength * w._space.TotalSize];
            _latest = new double[(w._o.PolicySeparatedPrior ? w._policyCount : 1) * w._space.TotalSize];
            _posterior = new double[w._space.TotalSize];
            _initial = new double[w._space.TotalSize];
            _stepTerms = new double[(w._policyLength + 1) * (2 + w._modalities)];
            _scratch = new MarginalMessagePassing.Scratch(w._space);
        }

        public int Length { get; private set; } = 1;

        public void Reset()
        {
            _observationCount = 0;
            _actionCount = 0;
            _observed = 0;
            Length = 1;
            int total = _w._space.TotalSize;
            for (int p = 0; p < _latest.Length / total; p++)
            {
                _w._d.AsSpan().CopyTo(_latest.AsSpan(p * total, total));
            }
        }

        public void InferStates(ReadOnlySpan<int> observation)
        {
            Workspace w = _w;
            int m = w._modalities;
            int f = w._factors;
            int s = w._jointStates;
            int total = w._space.TotalSize;

            // Keep the last H observations and H-1 actions, oldest first.
            if (_observationCount >= _horizon)
            {
                _observations.AsSpan(m).CopyTo(_observations);
                observation.CopyTo(_observations.AsSpan((_horizon - 1) * m, m));
            }
            else
            {
                observation.CopyTo(_observations.AsSpan(_observationCount * m, m));
            }

            _observationCount++;
            int k = Math.Min(_observationCount, _horizon);
            int pastActions = Math.Min(_actionCount, _horizon - 1);
            if (pastActions < k - 1)
            {
                throw new InvalidOperationException("MMP needs an action between consecutive observations: call SampleAction (or ImposeAction) after each InferStates.");
            }

            _observed = k;
            w._stateInferences++;
            for (int i = 0; i < k; i++)
            {
                w.JointLikelihood(_observations.AsSpan(i * m, m), _likelihoods.AsSpan(i * s, s));
            }

            int t = w._policyLength;
            int length = k + t;
            int cut = k + t - 2;
            Length = length;
            // Window actions are the last K-1 actions taken.
            Span<double> trace = w._freeEnergyTrace.AsSpan(0, w._o.NumIterations);
            trace.Clear();
            ReadOnlySpan<int> past = _actions.AsSpan((pastActions - (k - 1)) * f, (k - 1) * f);
            past.CopyTo(_rows);
            for (int p = 0; p < w._policyCount; p++)
            {
                for (int step = 0; step < t; step++)
                {
                    w._policies.Actions(p, step).CopyTo(_rows.AsSpan((k - 1 + step) * f, f));
                }

                ReadOnlySpan<double> prior = w._o.PolicySeparatedPrior ? _latest.AsSpan(p * total, total) : _latest.AsSpan(0, total);
                w._policyF[p] = MarginalMessagePassing.Run(
                    w._space,
                    _likelihoods.AsSpan(0, k * s),
                    k,
                    w._b,
                    w._bt!,
                    _rows.AsSpan(0, (k - 1 + t) * f),
                    prior,
                    w._o.NumIterations,
                    w._o.MmpStepSize,
                    length,
                    cut,
                    _window.AsSpan(p * _maxLength * total, length * total),
                    _scratch,
                    freeEnergyTrace: trace);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(trace, w._policyCount, trace);
            w._traceLength = w._o.NumIterations;
            w.InferenceIterations = w._o.NumIterations;
            w.CheckFinite(trace[^1], w._policyF);
        }

        public void InferPolicies()
        {
            Workspace w = _w;
            int total = w._space.TotalSize;
            int t = w._policyLength;
            int steps = t + 1;
            int mods = w._modalities;
            double[] utility = _stepTerms;
            double[] info = _stepTerms;
            double[] novelty = _stepTerms;
            w._policyStepEvaluations += (long)w._policyCount * steps;
            w._policyNodesScored += (long)w._policyCount * steps;
            for (int p = 0; p < w._policyCount; p++)
            {
                ReadOnlySpan<double> beliefs = _window.AsSpan(p * _maxLength * total, Length * total);
                double u = 0;
                double i = 0;
                double pa = 0;
                for (int j = 0; j < steps; j++)
                {
                    ReadOnlySpan<double> state = beliefs.Slice((_observed - 1 + j) * total, total);
                    // Slots: utility at j, info at steps + j, novelty per modality after 2·steps.
                    w.ScoreStepInto(state, j, steps + j, (2 * steps) + (j * mods), utility, info, novelty);
                }

                if (w._o.UseUtility)
                {
                    for (int j = 0; j < steps; j++)
                    {
                        u += utility[j];
                    }
                }

                if (w._o.UseStateInformationGain)
                {
                    for (int j = 0; j < steps; j++)
                    {
                        i += info[steps + j];
                    }
                }

                double g = u + i;
                if (w._o.UseParameterInformationGain && w._pA is not null)
                {
                    for (int mm = 0; mm < mods; mm++)
                    {
                        for (int j = 0; j < steps; j++)
                        {
                            pa += novelty[(2 * steps) + (j * mods) + mm];
                        }
                    }

                    g += pa;
                }

                w._g[p] = g;
                w._utility[p] = u;
                w._infoGain[p] = i;
                w._paramGain[p] = pa;
                w._policyLogits[p] = (g * w._o.PolicyPrecision) - w._policyF[p] + w._lnE[p];
            }

            LogDomain.Softmax(w._policyLogits, w._qPi);
            w.CheckFinite(0, w._qPi);
        }

        public void AfterAction()
        {
            Workspace w = _w;
            int f = w._factors;
            if (_horizon > 1)
            {
                int capacity = _horizon - 1;
                if (_actionCount >= capacity)
                {
                    _actions.AsSpan(f).CopyTo(_actions);
                    w._action.CopyTo(_actions.AsSpan((capacity - 1) * f, f));
                }
                else
                {
                    w._action.CopyTo(_actions.AsSpan(_actionCount * f, f));
                }
            }

            _actionCount++;
            if (w.Time - _horizon < 0 || _observationCount == 0)
            {
                return;
            }

            int total = w._space.TotalSize;
            if (w._o.PolicySeparatedPrior)
            {
                for (int p = 0; p < w._policyCount; p++)
                {
                    _window.AsSpan(p * _maxLength * total, total).CopyTo(_latest.AsSpan(p * total, total));
                }
            }
            else
            {
                Span<double> latest = _latest.AsSpan(0, total);
                latest.Clear();
                for (int p = 0; p < w._policyCount; p++)
                {
                    TensorPrimitives.MultiplyAdd(_window.AsSpan(p * _maxLength * total, total), w._qPi[p], latest, latest);
                }
            }
        }

        public ReadOnlySpan<double> Window(int policy, int step, int factor)
        {
            int total = _w._space.TotalSize;
            return _w._space.Factor(_window.AsSpan(((policy * _maxLength) + step) * total, total), factor);
        }

        public ReadOnlySpan<double> LatestBelief(int factor, int policy)
        {
            int total = _w._space.TotalSize;
            int p = _w._o.PolicySeparatedPrior ? policy : 0;
            return _w._space.Factor(_latest.AsSpan(p * total, total), factor);
        }

        /// <summary>Belief now: the window's current step averaged over policies with q(pi) (uniform before any policy inference).</summary>
        public ReadOnlySpan<double> CurrentPosterior(int factor)
        {
            Workspace w = _w;
            int total = w._space.TotalSize;
            Span<double> result = w._space.Factor(_posterior.AsSpan(), factor);
            if (_observed == 0)
            {
                return w._space.Factor(w._qs, factor);
            }

            result.Clear();
            double uniform = 1.0 / w._policyCount;
            for (int p = 0; p < w._policyCount; p++)
            {
                double weight = w._hasQPi ? w._qPi[p] : uniform;
                ReadOnlySpan<double> step = Window(p, _observed - 1, factor);
                TensorPrimitives.MultiplyAdd(step, weight, result, result);
            }

            _ = total;
            return result;
        }

        /// <summary>qs0 for learning D: the window prior (averaged over policies with q(pi) when it is per policy).</summary>
        public ReadOnlySpan<double> InitialStateBelief()
        {
            Workspace w = _w;
            int total = w._space.TotalSize;
            if (!w._o.PolicySeparatedPrior)
            {
                return _latest.AsSpan(0, total);
            }

            Span<double> result = _initial;
            result.Clear();
            for (int p = 0; p < w._policyCount; p++)
            {
                TensorPrimitives.MultiplyAdd(_latest.AsSpan(p * total, total), w._qPi[p], result, result);
            }

            return result;
        }
    }

    /// <summary>Scores one predicted state into caller-chosen slots (MMP keeps every window step apart).</summary>
    private void ScoreStepInto(ReadOnlySpan<double> state, int utilitySlot, int infoSlot, int noveltySlot, double[] utility, double[] info, double[] novelty)
    {
        ReadOnlySpan<double> qx = JointBelief(state);

        utility[utilitySlot] = _o.UseUtility ? _efe.Utility(qx) : 0;
        info[infoSlot] = _o.UseStateInformationGain ? _efe.StatesInformationGain(qx) : 0;
        if (_o.UseParameterInformationGain && _pA is not null)
        {
            for (int m = 0; m < _modalities; m++)
            {
                novelty[noveltySlot + m] = _efe.LikelihoodNovelty(m, qx);
            }
        }
    }

    /// <summary>q(s) = Π_f q_f(s_f) over the joint space (the factor itself when there is one); valid until the next call.</summary>
    private ReadOnlySpan<double> JointBelief(ReadOnlySpan<double> factorised)
    {
        if (_factors == 1)
        {
            return factorised;
        }

        JointTensor.Outer(_space, factorised, _joint);
        return _joint;
    }
}
