using System.Numerics.Tensors;
using Actinf.Core.Inference;
using Actinf.Core.Kernels;

namespace Actinf.Core.Agents;

internal sealed partial class Workspace
{
    public void InferStates(ReadOnlySpan<int> observation)
    {
        _qs.AsSpan().CopyTo(_qsPrev);
        if (_mmp is not null)
        {
            _mmp.InferStates(observation);
            return;
        }

        if (HasAction)
        {
            for (int f = 0; f < _factors; f++)
            {
                _b[f][_action[f]].Multiply(_space.Factor(_qs, f), _space.Factor(_prior.AsSpan(), f));
            }
        }
        else
        {
            _d.AsSpan().CopyTo(_prior);
        }

        if (_lastPrior is not null)
        {
            // The posterior is a deterministic function of (observation, prior, A): if none changed, it did not.
            if (_hasLastInference
                && _lastInferenceVersion == _parameterVersion
                && observation.SequenceEqual(_lastObservation)
                && _prior.AsSpan().SequenceEqual(_lastPrior))
            {
                _stateInferencesSkipped++;
                return;
            }

            observation.CopyTo(_lastObservation);
            _prior.AsSpan().CopyTo(_lastPrior);
            _lastInferenceVersion = _parameterVersion;
            _hasLastInference = true;
        }

        _stateInferences++;
        LogDomain.LogStable(_prior, _logPrior);
        JointLikelihood(observation, _logLikelihood);
        LogDomain.LogStable(_logLikelihood, _logLikelihood);
        int iterations = FixedPointIteration.Run(
            _space,
            _logLikelihood,
            _logPrior,
            _qs,
            _o.NumIterations,
            _o.InitialFreeEnergyChange,
            _o.FreeEnergyTolerance,
            _joint,
            _factorScratch,
            _freeEnergyTrace);
        InferenceIterations = iterations;
        _traceLength = _factors == 1 ? 1 : iterations + 1;
        CheckFinite(_freeEnergyTrace[_traceLength - 1], _qs);

        if (!_hasQsFirst)
        {
            _qs.AsSpan().CopyTo(_qsFirst);
            _hasQsFirst = true;
        }
    }

    /// <summary>L[s] = Π_m A[m][o_m, s], multiplied in modality order (pymdp get_joint_likelihood).</summary>
    private void JointLikelihood(ReadOnlySpan<int> observation, Span<double> destination)
    {
        int s = _jointStates;
        _a[0].AsSpan(observation[0] * s, s).CopyTo(destination);
        for (int m = 1; m < _modalities; m++)
        {
            TensorPrimitives.Multiply(destination, _a[m].AsSpan(observation[m] * s, s), destination);
        }
    }

    /// <summary>Counts a non-finite free energy or belief (never expected: the logs are guarded).</summary>
    private void CheckFinite(double freeEnergy, ReadOnlySpan<double> belief)
    {
        if (!double.IsFinite(freeEnergy) || !double.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(belief)))
        {
            _nonFiniteEvents++;
        }
    }

    public void SetPosterior(ReadOnlySpan<double> flat)
    {
        if (flat.Length != _qs.Length)
        {
            throw new ArgumentException($"Expected {_qs.Length} values (all factors), got {flat.Length}.", nameof(flat));
        }

        flat.CopyTo(_qs);
        _hasLastInference = false;
    }
}
