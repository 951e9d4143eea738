namespace Actinf.Epistemic.Planning;

/// <summary>An evaluated plan (policy): a sequence of candidate steps with its expected free energy.</summary>
/// <param name="Steps">Indices into <see cref="PlanningProblem.Candidates"/>, first step first.</param>
/// <param name="ExpectedFreeEnergy">G(plan) = Σ_k discount^k G_k (nats; lower is better).</param>
/// <param name="Epistemic">Discounted sum of the expected information gains Σ_k discount^k E_k (nats).</param>
/// <param name="Pragmatic">Discounted sum of the pragmatic values Σ_k discount^k P_k (nats).</param>
/// <param name="LogPrior">Σ_k log prior of the steps.</param>
/// <param name="Probability">Softmax probability exp(-G/T + log prior) / Z over all evaluated plans.</param>
public sealed record Plan(IReadOnlyList<int> Steps, float ExpectedFreeEnergy, float Epistemic, float Pragmatic, float LogPrior, float Probability);
