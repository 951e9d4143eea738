namespace Actinf.Epistemic.Model;

/// <summary>Export and import of the learned weights (issue #4, engine-level state).</summary>
public sealed partial class HierarchicalGenerativeModel
{
    /// <summary>
    /// Copies the block weights of every layer l ≥ 1 (index l - 1) and the learning-step count under the shared
    /// lock: learning holds the exclusive lock for a whole step, so the copy never mixes two steps.
    /// </summary>
    internal (float[][] Weights, long LearningSteps) CaptureWeights()
    {
        var weights = new float[_layers.Length - 1][];
        EnterRead();
        try
        {
            for (int l = 1; l < _layers.Length; l++)
            {
                weights[l - 1] = _layers[l].Weights.ToArray();
            }

            return (weights, Interlocked.Read(ref _learningSteps));
        }
        finally
        {
            ExitRead();
        }
    }

    /// <summary>
    /// Replaces the weights of every layer l ≥ 1 by <paramref name="weights"/>[l - 1] (already validated: lengths
    /// and finiteness) under the exclusive lock, and rebuilds what is derived from them (the column sums of
    /// squares), so belief updates see either the old or the new weights, never a mixture.
    /// </summary>
    internal void RestoreWeights(float[][] weights, long learningSteps)
    {
        _lock.EnterWriteLock();
        try
        {
            for (int l = 1; l < _layers.Length; l++)
            {
                weights[l - 1].CopyTo(_layers[l].Weights);
                _layers[l].RefreshColumnSquares();
            }

            Interlocked.Exchange(ref _learningSteps, learningSteps);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
