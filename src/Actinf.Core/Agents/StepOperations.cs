namespace Actinf.Core.Agents;

/// <summary>The operations of one agent step, run in the order listed here (pymdp's op names in brackets).</summary>
[Flags]
public enum StepOperations
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>State inference on the observation [infer_states].</summary>
    InferStates = 1,

    /// <summary>Dirichlet update of the likelihood concentrations pA [update_A].</summary>
    UpdateLikelihood = 2,

    /// <summary>Dirichlet update of the transition concentrations pB [update_B]; skipped while no action has been taken.</summary>
    UpdateTransitions = 4,

    /// <summary>Dirichlet update of the initial-state concentrations pD [update_D].</summary>
    UpdateInitialStatePrior = 8,

    /// <summary>Expected free energy and policy posterior [infer_policies].</summary>
    InferPolicies = 16,

    /// <summary>Action selection and time advance [sample_action].</summary>
    SampleAction = 32,

    /// <summary>Perception, planning and action: <c>InferStates | InferPolicies | SampleAction</c>.</summary>
    PerceiveAndAct = InferStates | InferPolicies | SampleAction,
}
