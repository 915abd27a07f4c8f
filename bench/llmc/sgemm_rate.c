// GFLOP/s of OpenBLAS's cblas_sgemm on one thread, 768×768×768 (best of 20 calls), and the core type it ran:
// bench/openblas.sh runs it under each candidate OPENBLAS_CORETYPE to keep OpenBLAS's fastest on this CPU.
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float*, int, const float*, int, float, float*,
    int);

int main(void) {
    void* lib = dlopen("libopenblas.so.0", RTLD_NOW);
    if (!lib) { fprintf(stderr, "sgemm_rate: libopenblas.so.0 not found\n"); return 2; }
    sgemm_fn sgemm = (sgemm_fn)dlsym(lib, "cblas_sgemm");
    void (*threads)(int) = (void (*)(int))dlsym(lib, "openblas_set_num_threads");
    char* (*core)(void) = (char* (*)(void))dlsym(lib, "openblas_get_corename");
    if (!sgemm || !threads || !core) { fprintf(stderr, "sgemm_rate: OpenBLAS lacks an export\n"); return 2; }
    threads(1);
    const int n = 768;
    float *a = malloc(sizeof(float) * n * n), *b = malloc(sizeof(float) * n * n), *c = malloc(sizeof(float) * n * n);
    for (int i = 0; i < n * n; i++) { a[i] = (float)(i % 7) - 3; b[i] = (float)(i % 5) - 2; }
    double best = 1e30;
    for (int r = 0; r < 20; r++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        sgemm(101, 111, 111, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
        if (s < best) best = s;
    }
    printf("%s %.1f\n", core(), 2.0 * n * n * n / best / 1e9);
    return 0;
}
