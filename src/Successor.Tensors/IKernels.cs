// Every forward/backward pair the GPT model is built from, with shapes.
// Conventions (llm.c): row-major; forward saves what backward needs (named in each comment); backward ADDS into
// the gradients of parameters (+=; the caller zeroes them once per step) and into the input gradient of the norms,
// the residual and dropout (the residual stream's gradient has several sources), and WRITES the input gradient of
// the matmul, the activations and attention (=): each is that gradient's only source, so a caller need not zero it,
// and a step spares a pass of zeros and a reread over each of those tensors.
// Legend: B batch, T sequence length, C channels, OC output channels, N rows (= B*T),
//         NH heads, HS head size (= C/NH), H hidden width of the MLP, V vocabulary size.
namespace Successor.Tensors;

public unsafe interface IKernels
{
    /// <summary>out (B,T,C) = wte[tokens] + wpe[t]; wpe may be null (rotary positions).</summary>
    void EncoderForward(float* output, int* tokens, float* wte, float* wpe, int B, int T, int C);
    void EncoderBackward(float* dwte, float* dwpe, float* dout, int* tokens, int B, int T, int C);

    /// <summary>out (N,C); saves mean (N) and rstd (N). bias may be null.</summary>
    void LayerNormForward(float* output, float* mean, float* rstd, float* input, float* weight,
        float* bias, int N, int C);
    void LayerNormBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input, float* weight,
        float* mean, float* rstd, int N, int C);

    /// <summary>out (N,C) = x / rms(x) * weight; saves rstd (N).</summary>
    void RmsNormForward(float* output, float* rstd, float* input, float* weight, int N, int C);
    void RmsNormBackward(float* dinput, float* dweight, float* dout, float* input, float* weight,
        float* rstd, int N, int C);

    /// <summary>out (N,OC) = input (N,C) · weight (OC,C)^T + bias (OC); bias may be null.</summary>
    void MatmulForward(float* output, float* input, float* weight, float* bias, int N, int C, int OC);
    void MatmulBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input, float* weight,
        int N, int C, int OC);

    /// <summary>GELU, tanh approximation (Hendrycks and Gimpel 2016), elementwise over count values.</summary>
    void GeluForward(float* output, float* input, int count);
    void GeluBackward(float* dinput, float* input, float* dout, int count);

    /// <summary>ReLU squared (So et al. 2021, Primer): max(x,0)^2.</summary>
    void ReluSquaredForward(float* output, float* input, int count);
    void ReluSquaredBackward(float* dinput, float* input, float* dout, int count);

    /// <summary>SwiGLU (Shazeer 2020): input (N,2H) = [gate | up], out (N,H) = silu(gate) * up.</summary>
    void SwiGluForward(float* output, float* input, int N, int H);
    void SwiGluBackward(float* dinput, float* input, float* dout, int N, int H);

    /// <summary>Rotary positions (Su et al. 2021), in place on the q and k thirds of qkv (B,T,3C);
    /// cos/sin tables are (T, HS/2). Rotates pairs (i, i+HS/2) within each head.</summary>
    void RopeForward(float* qkv, float* cos, float* sin, int B, int T, int C, int NH);
    /// <summary>In place on dqkv: the gradient w.r.t. the rotated q,k becomes the gradient w.r.t. the unrotated
    /// ones.</summary>
    void RopeBackward(float* dqkv, float* cos, float* sin, int B, int T, int C, int NH);

    /// <summary>Floats of att, and of datt, that attention needs for B·NH heads of T positions: B·NH·T·T where the
    /// kernels keep the probabilities, 0 where they recompute them. Callers size att and datt by it.</summary>
    long AttentionStateLength(int B, int NH, int T);

    /// <summary>Causal self-attention: qkv (B,T,3C) → out (B,T,C). att (AttentionStateLength floats) is the
    /// kernels' own, for backward: the reference kernels save the softmax probabilities there (B,NH,T,T, zero
    /// above the diagonal); the fast kernels keep nothing and recompute them in backward.</summary>
    void AttentionForward(float* output, float* att, float* qkv, int B, int T, int C, int NH);
    /// <summary>att as forward left it; datt (AttentionStateLength floats) is scratch the caller provides.</summary>
    void AttentionBackward(float* dqkv, float* datt, float* dout, float* qkv, float* att, int B, int T, int C, int NH);

    void ResidualForward(float* output, float* a, float* b, int count);
    void ResidualBackward(float* da, float* db, float* dout, int count);

    /// <summary>Inverted dropout: mask holds 0 or 1/(1-p), drawn from (seed, index) so any thread count
    /// draws the same mask.</summary>
    void DropoutForward(float* output, float* mask, float* input, float p, ulong seed, int count);
    void DropoutBackward(float* dinput, float* dout, float* mask, int count);

    /// <summary>Softmax cross-entropy: logits (N,V), targets (N) with -1 = ignored → losses (N) in nats
    /// (0 where ignored).</summary>
    void CrossEntropyForward(float* losses, float* logits, int* targets, int N, int V);
    /// <summary>Fused forward and backward: writes losses and dlogits = (softmax − onehot) · scale
    /// (0 on ignored rows). dlogits may alias logits.</summary>
    void CrossEntropyForwardBackward(float* losses, float* dlogits, float* logits, int* targets,
        float scale, int N, int V);
    /// <summary>Distillation (Hinton et al. 2015, temperature 1): per row, loss = (1 − w)·CE(target) +
    /// w·KL(p ‖ q), with q = softmax(logits) and p = softmax(teacher); dlogits = (q − (1 − w)·onehot − w·p) ·
    /// scale (0 on ignored rows). dlogits may alias logits; teacher must not.</summary>
    void DistillationForwardBackward(float* losses, float* dlogits, float* logits, float* teacher, int* targets,
        float weight, float scale, int N, int V);
}
