using Actinf.Core.Tensors;

namespace Actinf.Core.Models;

/// <summary>Validation of model arrays at the boundary, with messages that name the place and the fix.</summary>
internal static class ModelChecks
{
    public static void CheckEntries(Tensor t, string name, bool requireNonNegative)
    {
        ReadOnlySpan<double> d = t.Span;
        for (int i = 0; i < d.Length; i++)
        {
            double x = d[i];
            if (!double.IsFinite(x))
            {
                throw new ModelValidationException($"{name} entry {Index(t, i)} is {x}; entries must be finite numbers.");
            }

            if (requireNonNegative && x < 0)
            {
                throw new ModelValidationException($"{name} entry {Index(t, i)} is negative ({x}); probabilities and concentrations must be >= 0.");
            }
        }
    }

    /// <summary>Every column (axis 0 for a fixed index of the other axes) must be a probability distribution.</summary>
    public static void CheckDistribution(Tensor t, string name, string owner)
    {
        CheckEntries(t, name, requireNonNegative: true);
        ReadOnlySpan<double> d = t.Span;
        int rows = t.ShapeSpan[0];
        int cols = t.Length / rows;
        for (int c = 0; c < cols; c++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                sum += d[(r * cols) + c];
            }

            if (Math.Abs(sum - 1.0) > GenerativeModel.ColumnSumTolerance)
            {
                string where = t.Rank == 1 ? string.Empty : $" column {ColumnIndex(t, c)}";
                throw new ModelValidationException(
                    $"{name} ({owner}){where} sums to {sum:R}, not 1 (tolerance {GenerativeModel.ColumnSumTolerance:R}); normalise it over axis 0.");
            }
        }
    }

    public static Tensor[] CheckVectors(IReadOnlyList<Tensor> vectors, int[] sizes, string name, string owner, bool requireNonNegative)
    {
        if (vectors.Count != sizes.Length)
        {
            throw new ModelValidationException($"{name} has {vectors.Count} entries; expected {sizes.Length} (one per {owner}).");
        }

        var result = new Tensor[sizes.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            Tensor v = vectors[i] ?? throw new ModelValidationException($"{name}[{i}] is missing.");
            if (v.Rank != 1 || v.Length != sizes[i])
            {
                throw new ModelValidationException($"{name}[{i}] has shape {v.ShapeText}; expected [{sizes[i]}] ({owner} {i}).");
            }

            CheckEntries(v, $"{name}[{i}]", requireNonNegative);
            result[i] = v;
        }

        return result;
    }

    public static Tensor[] CheckConcentrations(IReadOnlyList<Tensor> concentrations, IReadOnlyList<Tensor> like, string name, string owner)
    {
        if (concentrations.Count != like.Count)
        {
            throw new ModelValidationException($"{name} has {concentrations.Count} entries; expected {like.Count} (one per {owner}).");
        }

        var result = new Tensor[like.Count];
        for (int i = 0; i < like.Count; i++)
        {
            Tensor p = concentrations[i] ?? throw new ModelValidationException($"{name}[{i}] is missing.");
            if (!p.ShapeSpan.SequenceEqual(like[i].ShapeSpan))
            {
                throw new ModelValidationException($"{name}[{i}] has shape {p.ShapeText}; expected {like[i].ShapeText} (the shape of the array it parameterises).");
            }

            CheckEntries(p, $"{name}[{i}]", requireNonNegative: true);
            result[i] = p;
        }

        return result;
    }

    public static void CheckPolicies(PolicySet policies, int[] numControls)
    {
        if (policies.Factors != numControls.Length)
        {
            throw new ModelValidationException($"policies have {policies.Factors} factor column(s); the model has {numControls.Length} factors.");
        }

        for (int p = 0; p < policies.Count; p++)
        {
            for (int t = 0; t < policies.Length; t++)
            {
                for (int f = 0; f < numControls.Length; f++)
                {
                    int u = policies[p, t, f];
                    if (u >= numControls[f])
                    {
                        throw new ModelValidationException(
                            $"policies[{p}, {t}, {f}] = {u}, but factor {f} has {numControls[f]} control state(s) (B[{f}] shape).");
                    }
                }
            }
        }
    }

    public static Tensor[] Zeros(int[] sizes)
    {
        var result = new Tensor[sizes.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            result[i] = Tensor.Zeros(sizes[i]);
        }

        return result;
    }

    public static Tensor[] Uniforms(int[] sizes)
    {
        var result = new Tensor[sizes.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            var d = new double[sizes[i]];
            Array.Fill(d, 1.0 / sizes[i]);
            result[i] = Tensor.Own([sizes[i]], d);
        }

        return result;
    }

    public static Tensor[] NormalizedCopies(IReadOnlyList<Tensor> vectors, string name)
    {
        var result = new Tensor[vectors.Count];
        for (int i = 0; i < vectors.Count; i++)
        {
            double[] d = vectors[i].ToArray();
            double sum = 0;
            foreach (double x in d)
            {
                sum += x;
            }

            if (!(sum > 0))
            {
                throw new ModelValidationException($"{name}[{i}] sums to {sum}; a prior needs a positive total concentration.");
            }

            for (int j = 0; j < d.Length; j++)
            {
                d[j] /= sum;
            }

            result[i] = Tensor.Own(vectors[i].ShapeToArray(), d);
        }

        return result;
    }

    private static string Index(Tensor t, int flat)
    {
        ReadOnlySpan<int> shape = t.ShapeSpan;
        Span<int> idx = stackalloc int[shape.Length];
        for (int a = shape.Length - 1; a >= 0; a--)
        {
            idx[a] = flat % shape[a];
            flat /= shape[a];
        }

        return "[" + string.Join(", ", idx.ToArray()) + "]";
    }

    private static string ColumnIndex(Tensor t, int column)
    {
        ReadOnlySpan<int> shape = t.ShapeSpan;
        Span<int> idx = stackalloc int[shape.Length - 1];
        for (int a = shape.Length - 1; a >= 1; a--)
        {
            idx[a - 1] = column % shape[a];
            column /= shape[a];
        }

        return "[:, " + string.Join(", ", idx.ToArray()) + "]";
    }
}
