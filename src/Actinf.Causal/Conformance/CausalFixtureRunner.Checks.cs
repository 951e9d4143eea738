using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Conformance;

/// <summary>Per-kind comparisons of <see cref="CausalFixtureRunner"/>.</summary>
public static partial class CausalFixtureRunner
{
    private static void Check(ExactInference engine, CausalQuery query, CausalComparer comparer)
    {
        Clamps clamps = query.ToClamps();
        switch (query.Kind)
        {
            case CausalQueryKind.Mpe:
                CheckMpe(engine, query, clamps, comparer);
                break;
            case CausalQueryKind.Map:
                CheckMap(engine, query, clamps, comparer);
                break;
            default:
                CheckMarginals(engine, query, clamps, comparer);
                if (query.Kind == CausalQueryKind.Joint || query.Expected.JointProbabilities.Count > 0)
                {
                    CheckJoint(engine, query, clamps, comparer);
                }

                break;
        }
    }

    private static void CheckMarginals(ExactInference engine, CausalQuery query, Clamps clamps, CausalComparer comparer)
    {
        Posterior posterior = engine.Query(query.Targets, clamps);
        foreach ((string target, IReadOnlyList<KeyValuePair<string, double>> states) in query.Expected.Marginals)
        {
            Distribution? marginal = posterior.Marginals.FirstOrDefault(d => d.Variable.Name == target);
            if (marginal is null)
            {
                comparer.Fail($"{query.Id}: marginals[{target}]: expected a marginal, the engine returned none.");
                continue;
            }

            foreach ((string state, double p) in states)
            {
                if (!marginal.Variable.TryGetStateIndex(state, out int s))
                {
                    comparer.Fail($"{query.Id}: marginals[{target}][{state}]: '{target}' has no state '{state}' (states: {string.Join(", ", marginal.Variable.States)}).");
                    continue;
                }

                comparer.Probability(query.Id, $"marginals[{target}][{state}]", p, marginal[s]);
            }
        }

        if (query.Expected.EvidenceProbability is double z)
        {
            comparer.Relative(query.Id, "evidence_probability", z, posterior.EvidenceProbability);
        }
    }

    private static void CheckJoint(ExactInference engine, CausalQuery query, Clamps clamps, CausalComparer comparer)
    {
        CausalExpectation expected = query.Expected;
        IReadOnlyList<string> variables = expected.JointVariables.Count > 0 ? expected.JointVariables : query.Targets;
        JointDistribution joint = engine.Joint(variables, clamps);
        for (int k = 0; k < variables.Count; k++)
        {
            string? actual = k < joint.Variables.Count ? joint.Variables[k].Name : null;
            if (!string.Equals(actual, variables[k], StringComparison.Ordinal))
            {
                comparer.Fail($"{query.Id}: joint.variables[{k}]: expected '{variables[k]}', got {(actual is null ? "nothing" : $"'{actual}'")}.");
                return;
            }
        }

        if (joint.Probabilities.Count != expected.JointProbabilities.Count)
        {
            comparer.Fail($"{query.Id}: joint.probabilities: expected {expected.JointProbabilities.Count} entries, got {joint.Probabilities.Count}.");
            return;
        }

        for (int i = 0; i < expected.JointProbabilities.Count; i++)
        {
            comparer.Probability(query.Id, $"joint.probabilities[{i}] ({DescribeCell(joint.Variables, i)})", expected.JointProbabilities[i], joint.Probabilities[i]);
        }

        if (expected.EvidenceProbability is double z)
        {
            comparer.Relative(query.Id, "joint evidence_probability", z, joint.EvidenceProbability);
        }
    }

    private static void CheckMpe(ExactInference engine, CausalQuery query, Clamps clamps, CausalComparer comparer)
    {
        CausalExpectation expected = query.Expected;
        Explanation mpe = engine.MostProbableExplanation(clamps);
        BayesianNetwork network = engine.Network;
        if (expected.Unique)
        {
            CompareAssignment(query.Id, expected.Assignment, mpe.Assignment, comparer);
        }
        else
        {
            // Ties: any maximiser is right; it must name exactly the unobserved variables.
            foreach (string variable in expected.Assignment.Keys)
            {
                if (!mpe.Assignment.ContainsKey(variable))
                {
                    comparer.Fail($"{query.Id}: assignment: '{variable}' is unobserved but missing from the returned assignment.");
                }
            }

            foreach (string variable in mpe.Assignment.Keys)
            {
                if (!expected.Assignment.ContainsKey(variable))
                {
                    comparer.Fail($"{query.Id}: assignment: returned '{variable}', which is not among the variables to explain.");
                }
            }
        }

        if (expected.LogProbability is double logW)
        {
            // Independent of the engine: ln W of the returned assignment from the CPT entries.
            if (TryLogWeight(network, mpe.Assignment, clamps, out double recomputed, out string? missing))
            {
                comparer.Log(query.Id, "log_probability (ln W of the returned assignment, recomputed from the CPTs)", logW, recomputed);
            }
            else
            {
                comparer.Fail($"{query.Id}: assignment: cannot recompute ln W: {missing}");
            }

            comparer.Log(query.Id, "log_probability", logW, mpe.LogProbability);
        }

        CheckExplanationNumbers(query, mpe, comparer);
    }

    private static void CheckMap(ExactInference engine, CausalQuery query, Clamps clamps, CausalComparer comparer)
    {
        CausalExpectation expected = query.Expected;
        Explanation map = engine.MaximumAPosteriori(query.MapVariables, clamps);
        if (expected.Unique)
        {
            CompareAssignment(query.Id, expected.Assignment, map.Assignment, comparer);
        }
        else
        {
            foreach (string variable in query.MapVariables)
            {
                if (!map.Assignment.ContainsKey(variable))
                {
                    comparer.Fail($"{query.Id}: assignment: MAP variable '{variable}' is missing from the returned assignment.");
                }
            }
        }

        if (expected.LogProbability is double logP)
        {
            comparer.Log(query.Id, "log_probability", logP, map.LogProbability);
        }

        CheckExplanationNumbers(query, map, comparer);
        if (expected.RunnerUpPosteriorProbability is double runnerUp)
        {
            if (map.RunnerUpPosteriorProbability is double actual)
            {
                comparer.Probability(query.Id, "runner_up_posterior_probability", runnerUp, actual);
            }
            else
            {
                comparer.Fail($"{query.Id}: runner_up_posterior_probability: expected {CausalComparer.Format(runnerUp)}, the engine returned none.");
            }
        }
    }

    private static void CheckExplanationNumbers(CausalQuery query, Explanation explanation, CausalComparer comparer)
    {
        CausalExpectation expected = query.Expected;
        if (expected.Probability is double p)
        {
            comparer.Relative(query.Id, "probability", p, explanation.Probability);
        }

        if (expected.PosteriorProbability is double posterior)
        {
            comparer.Probability(query.Id, "posterior_probability", posterior, explanation.PosteriorProbability);
        }

        if (expected.EvidenceProbability is double z)
        {
            comparer.Relative(query.Id, "evidence_probability", z, explanation.EvidenceProbability);
        }
    }

    private static void CompareAssignment(string id, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual, CausalComparer comparer)
    {
        foreach ((string variable, string state) in expected)
        {
            comparer.Equal(id, $"assignment[{variable}]", state, actual.TryGetValue(variable, out string? got) ? got : null);
        }

        foreach (string variable in actual.Keys)
        {
            if (!expected.ContainsKey(variable))
            {
                comparer.Fail($"{id}: assignment: returned '{variable}', which the expected assignment does not contain.");
            }
        }
    }

    /// <summary>
    /// ln W(v) of a full assignment: the sum over variables of ln P_m(v_i | pa_i) in the mutilated network
    /// (a do-variable contributes ln 1 at its set value, a soft-intervened one ln q(v_i)) plus ln lambda of
    /// each virtual evidence. Values come from the assignment, the observed and the intervened states.
    /// </summary>
    internal static bool TryLogWeight(BayesianNetwork network, IReadOnlyDictionary<string, string> assignment, Clamps clamps, out double logWeight, out string? problem)
    {
        logWeight = 0;
        problem = null;
        int n = network.Count;
        var value = new int[n];
        for (int i = 0; i < n; i++)
        {
            Variable v = network[i];
            string? state = assignment.TryGetValue(v.Name, out string? a) ? a
                : clamps.Observed.TryGetValue(v.Name, out string? o) ? o
                : clamps.Interventions.TryGetValue(v.Name, out string? d) ? d
                : null;
            if (state is null)
            {
                problem = $"'{v.Name}' has no value (neither in the assignment nor clamped).";
                return false;
            }

            if (!v.TryGetStateIndex(state, out value[i]))
            {
                problem = $"'{v.Name}' has no state '{state}' (states: {string.Join(", ", v.States)}).";
                return false;
            }
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            Variable v = network[i];
            if (clamps.Interventions.TryGetValue(v.Name, out string? set))
            {
                sum += value[i] == v.StateIndex(set) ? 0 : double.NegativeInfinity;
                continue;
            }

            if (clamps.SoftInterventions.TryGetValue(v.Name, out double[]? q))
            {
                sum += Math.Log(q[value[i]]);
                continue;
            }

            ReadOnlySpan<int> parents = network.ParentsOf(i);
            int row = 0;
            foreach (int p in parents)
            {
                row = (row * network[p].Cardinality) + value[p];
            }

            sum += Math.Log(network.CptOf(i)[(row * v.Cardinality) + value[i]]);
        }

        foreach ((string name, double[] lambda) in clamps.Likelihoods)
        {
            sum += Math.Log(lambda[value[network[name].Index]]);
        }

        logWeight = sum;
        return true;
    }

    private static string DescribeCell(IReadOnlyList<Variable> variables, int index)
    {
        var parts = new string[variables.Count];
        for (int k = variables.Count - 1; k >= 0; k--)
        {
            int c = variables[k].Cardinality;
            parts[k] = $"{variables[k].Name}={variables[k].States[index % c]}";
            index /= c;
        }

        return string.Join(", ", parts);
    }
}
