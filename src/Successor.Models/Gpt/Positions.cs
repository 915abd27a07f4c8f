// How a GPT tells token positions apart.
namespace Successor.Models.Gpt;

/// <summary>Learned absolute embeddings (GPT-2), rotary (Su et al. 2021), none (NoPE, Kazemnejad et al.
/// 2023: the causal mask alone lets attention tell positions apart, which generalises to longer inputs),
/// or digits: Abacus positions (McLeish et al. 2024), a learned embedding of each digit's place in its
/// run of digits, so the i-th digits of all numbers share one id whatever their absolute position.</summary>
public enum Positions { Learned, Rope, None, Digits }
