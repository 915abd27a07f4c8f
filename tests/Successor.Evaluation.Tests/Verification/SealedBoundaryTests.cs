// The sealed holdout is a compile-time boundary: the trainer's assembly cannot reference the Verifier's,
// the holdout reader and the sealed side of the curriculum are not public, and the Verifier's public API
// returns statistics, never holdout items. If someone makes any of these public or adds a reference,
// these tests fail.
using System.Reflection;
using System.Runtime.CompilerServices;
using Successor.Data.Corpora;
using Successor.Data.Curriculum;
using Successor.Evaluation.Verification;
using Successor.Training;

namespace Successor.Evaluation.Tests.Verification;

public sealed class SealedBoundaryTests
{
    static readonly Assembly Training = typeof(Trainer).Assembly, Data = typeof(CorpusReader).Assembly,
        Evaluation = typeof(Verifier).Assembly;

    [Fact]
    public void The_trainer_cannot_reference_data_or_evaluation()
    {
        var names = Training.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("Successor.Evaluation", names);
        Assert.DoesNotContain("Successor.Data", names);
        Assert.DoesNotContain("Successor.Evaluation", Data.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void Only_the_verifier_project_sees_the_data_projects_internals()
    {
        var friends = Data.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
        Assert.Equal(["Successor.Evaluation"], friends);
        var evaluationFriends =
            Evaluation.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
        Assert.Equal(["Successor.Evaluation.Tests"], evaluationFriends);
    }

    [Fact]
    public void The_holdout_reader_and_the_sealed_side_are_not_public()
    {
        var reader = Evaluation.GetType("Successor.Evaluation.Verification.HoldoutReader")!;
        Assert.False(reader.IsPublic);
        Assert.DoesNotContain(Enum.GetNames<CurriculumSplit>(), n => n.Contains("Seal",
            StringComparison.OrdinalIgnoreCase) || n.Contains("Holdout", StringComparison.OrdinalIgnoreCase));
        Assert.False(typeof(CurriculumPartition)
            .GetField("Sealed", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!.IsPublic);
        // No public method in Data takes a raw side number (the only way to ask for the sealed side).
        var publicMethods = Data.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance));
        Assert.DoesNotContain(publicMethods, m => m.DeclaringType!.Assembly == Data && m.Name is "Set" or "Draw"
            && m.GetParameters().Any(p => p.ParameterType == typeof(int) && p.Name == "side"));
        Assert.DoesNotContain(Data.GetExportedTypes(), t => t.Name.Contains("HoldoutReader", StringComparison.Ordinal));
    }

    [Fact]
    public void The_verifier_returns_statistics_never_holdout_items()
    {
        var leaky = new[] { typeof(Document), typeof(Problem), typeof(Successor.Evaluation.Curriculum.ItemResult),
            typeof(string) };
        foreach (var m in typeof(Verifier)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            var returned = m.ReturnType;
            var inner = returned.IsGenericType ? returned.GetGenericArguments() : [returned];
            Assert.DoesNotContain(inner, t => leaky.Contains(t));
        }
    }
}
