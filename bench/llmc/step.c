// Times llm.c's CPU training step (train_gpt2.c, compiled in unchanged) at a given shape, on random byte tokens,
// so that it runs beside `successor bench` at the same shapes: L layers, NH heads, C channels, T positions,
// B rows, vocabulary 256 (bytes). Random weights (normal, std 0.02) are written to a checkpoint in llm.c's own
// format and loaded by its own loader. A step is llm.c's: forward, zero_grad, backward, AdamW update.
//   step L NH C T B STEPS CHECKPOINT_PATH   → key: value lines (ms_per_step is the median of the timed steps)
#define main llmc_train_main
#include "train_gpt2.c"
#undef main

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
}

// Box-Muller from llm.c-independent xorshift, so the weights do not depend on libc's rand.
static uint64_t rng = 1337;
static double uniform(void) {
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return ((rng >> 11) + 0.5) / 9007199254740992.0;
}

int main(int argc, char** argv) {
    if (argc != 8) {
        fprintf(stderr, "usage: %s L NH C T B STEPS CHECKPOINT_PATH\n", argv[0]);
        return 2;
    }
    int L = atoi(argv[1]), NH = atoi(argv[2]), C = atoi(argv[3]), T = atoi(argv[4]), B = atoi(argv[5]);
    int steps = atoi(argv[6]);
    if (L < 1 || NH < 1 || C < 1 || C % NH != 0 || T < 1 || B < 1 || steps < 1) {
        fprintf(stderr, "step: bad shape L=%d NH=%d C=%d T=%d B=%d STEPS=%d (all >= 1, C divisible by NH)\n",
            L, NH, C, T, B, steps);
        return 2;
    }
    GPT2Config config = { .max_seq_len = T, .vocab_size = 256, .padded_vocab_size = 256, .num_layers = L,
        .num_heads = NH, .channels = C };
    size_t sizes[NUM_PARAMETER_TENSORS], count = 0;
    fill_in_parameter_sizes(sizes, config);
    for (int i = 0; i < NUM_PARAMETER_TENSORS; i++) count += sizes[i];
    int header[256] = { 20240326, 3, T, 256, L, NH, C, 256 };
    FILE* f = fopenCheck(argv[7], "wb");
    fwrite(header, sizeof(int), 256, f);
    for (size_t i = 0; i < count; i++) {
        float w = (float)(0.02 * sqrt(-2 * log(uniform())) * cos(6.283185307179586 * uniform()));
        fwrite(&w, sizeof(float), 1, f);
    }
    fcloseCheck(f);

    GPT2 model;
    gpt2_build_from_checkpoint(&model, argv[7]);
    int* tokens = (int*)mallocCheck((size_t)(B * T + 1) * sizeof(int));
    for (int i = 0; i < B * T + 1; i++) tokens[i] = (int)(uniform() * 256);
    double* times = (double*)mallocCheck(sizeof(double) * steps);
    for (int step = 0; step < 2 + steps; step++) {
        double t0 = now_ms();
        gpt2_forward(&model, tokens, tokens + 1, B, T);
        gpt2_zero_grad(&model);
        gpt2_backward(&model);
        gpt2_update(&model, 1e-4f, 0.9f, 0.999f, 1e-8f, 0.0f, step + 1);
        if (step >= 2) times[step - 2] = now_ms() - t0;
    }
    qsort(times, steps, sizeof(double), by_value);
    double ms = times[steps / 2];
#ifdef OMP
    int threads = omp_get_max_threads();
#else
    int threads = 1;
#endif
    printf("llmc_threads: %d\n", threads);
    printf("llmc_loss: %.4f\n", model.mean_loss);
    printf("llmc_ms_per_step: %.2f\n", ms);
    printf("llmc_tokens_per_second: %.1f\n", B * T / (ms / 1e3));
    gpt2_free(&model);
    free(tokens);
    free(times);
    return 0;
}
