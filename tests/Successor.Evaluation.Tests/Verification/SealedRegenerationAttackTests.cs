// An attacker with the public code and the public seed tries to regenerate the sealed curriculum holdout:
// first through the public API with a number cast to CurriculumSplit, then by re-implementing the public
// generator (FNV-1a of the family's name, Rng.For, keep what CurriculumPartition.SideOf puts on the sealed
// side). The second reproduces the holdout exactly when its seed is the public one — which is why the judge's
// seed comes from its secret: then the attacker's problems are no more the holdout's than chance allows.
using System.Security.Cryptography;
using Successor.Data.Curriculum;
using Successor.Evaluation.Verification;
using Successor.Tensors;

namespace Successor.Evaluation.Tests.Verification;

public sealed class SealedRegenerationAttackTests
{
    const string Difficulties = "4-6";
    const int Items = 60;

    /// <summary>The attacker's copy of the public generator, asking for side 2 (the sealed side).</summary>
    static List<string> Regenerate(ulong seed)
    {
        var prompts = new List<string>();
        var family = TaskFamilies.Get("radd");
        foreach (int d in CurriculumGenerator.ParseDifficulties(Difficulties))
        {
            ulong name = 14695981039346656037UL;
            foreach (char c in family.Name) { name ^= c; name *= 1099511628211UL; }
            var rng = Rng.For(seed, 0x5E7, 2, name, (ulong)d);
            for (int i = 0; i < Items; i++)
            {
                Problem p;
                do p = family.Generate(rng, d); while (CurriculumPartition.SideOf(p.Prompt) != 2);
                prompts.Add(p.Prompt);
            }
        }
        return prompts;
    }

    static List<string> Holdout(ulong? sealedSeed) =>
        [.. new Verifier(new VerifierSettings
            { Difficulties = Difficulties, ItemsPerSlice = Items, SealedSeed = sealedSeed })
            .SealedProblems().Select(p => p.Prompt)];

    [Fact]
    public void A_number_cast_to_a_public_split_cannot_ask_for_the_sealed_side()
    {
        var radd = TaskFamilies.Parse("radd");
        var e = Assert.Throws<ArgumentException>(() =>
            CurriculumGenerator.Set(radd, [4], 10, 0x5EA1ED, (CurriculumSplit)2));
        Assert.Contains("not a public split", e.Message);
        Assert.Throws<ArgumentException>(() =>
            CurriculumGenerator.Draw(radd[0], 4, (CurriculumSplit)2, new Rng(1)));
    }

    [Fact]
    public void Public_code_and_the_public_seed_regenerate_a_holdout_without_a_secret_but_not_the_judges()
    {
        var attack = Regenerate(new VerifierSettings().Seed);
        Assert.Equal(Holdout(sealedSeed: null), attack); // the attack is real: the public seed gives it all away

        ulong secretSeed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var judges = Holdout(secretSeed);
        Assert.All(judges, p => Assert.Equal(2, CurriculumPartition.SideOf(p))); // still the sealed side
        var known = attack.ToHashSet(StringComparer.Ordinal);
        int overlap = judges.Count(known.Contains);
        // Sums of 4- to 6-digit numbers: two draws of 180 share a prompt by chance about never.
        Assert.True(overlap <= judges.Count / 20, $"{overlap} of {judges.Count} sealed prompts regenerated");
    }
}
