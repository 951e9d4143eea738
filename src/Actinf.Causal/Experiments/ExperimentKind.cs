namespace Actinf.Causal.Experiments;

/// <summary>How an experiment acts on its variable.</summary>
public enum ExperimentKind
{
    /// <summary>Observe the variable's value (passive: condition on what it turns out to be).</summary>
    Observe,

    /// <summary>Set the variable by a uniformly randomised intervention do(X = x) and watch the target.</summary>
    Intervene,
}
