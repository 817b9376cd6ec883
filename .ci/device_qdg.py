"""GPU checks for issue 11 (QDG), run on a lent device machine:
  python3 -m pip install -q --no-index --no-deps --target /tmp/site .whl/*.whl   # duckdb, fastcore wheels for cp312
  PYTHONPATH=/tmp/site:$PWD SCALINGLAB_CACHE=/tmp/slcache BUDGET=420 python3 .ci/device_qdg.py
Writes $OUT/gpu_qdg.json."""
# A: CUDA gradients == CPU/naive; B: throughput by batch size on the Pythia-70m-v0 shape; D: `bench qdg` on the GPU; C: 100k tokens sketched, kNN affinity, sparse spectral embedding
import os, sys, time, json, math
import numpy as np, torch
OUT = os.environ.get('OUT', '/tmp/out'); os.makedirs(OUT, exist_ok=True)
res = {}
def save(): json.dump(res, open(f'{OUT}/gpu_qdg.json', 'w'), indent=1, default=float)
def log(*a): print(*a, flush=True)
T0 = time.time(); BUDGET = float(os.environ.get('BUDGET', 400))
from scalinglab.framework.paths import get_device
from scalinglab.lm.suite import SuiteConfig
from scalinglab.lm.models import load_model
from scalinglab.lm.tokens import load_tokenizer, token_store
from scalinglab.quanta.qdg.tokens import select_tokens
from scalinglab.quanta.qdg.gradients import gradient_params, gradient_length, token_gradients, naive_token_gradient, qdg_gradients, study_passes
from scalinglab.quanta.qdg.clusters import knn_affinity, spectral_embedding, torch_kmeans
dev = torch.device(os.environ.get('DEV', 'cuda')); res['gpu'] = torch.cuda.get_device_name(0) if dev.type == 'cuda' else 'cpu'; res['torch'] = torch.__version__
def sync(): torch.cuda.synchronize() if dev.type == 'cuda' else None
# A. equality on CUDA
cfg = SuiteConfig()
tiny = load_model(cfg.model_config(*cfg.sizes[-1]), device='cpu')
P = gradient_params(tiny)
ids = torch.randint(0, cfg.vocab_size, (128,), generator=torch.Generator().manual_seed(0))
pos = np.arange(0, 127, 4)
Gc = token_gradients(tiny, ids, pos, P)
naive = torch.stack([naive_token_gradient(tiny, ids, int(p), P) for p in pos])
tiny_g = tiny.to(dev); Pg = gradient_params(tiny_g)
Gg = token_gradients(tiny_g, ids.to(dev), pos, Pg, batch_size=16).cpu()
res['A_tiny_cuda_vs_cpu_min_cos'] = float((Gg*Gc).sum(1).min()); res['A_tiny_cuda_vs_naive_cpu_min_cos'] = float((Gg*naive).sum(1).min())
log('A', res); save()
if not os.environ.get('SKIPB'):   # B: the Pythia-70m-v0 shape
    # B. Pythia-70m-v0 shape (random init), 1024-token document, 64 positions
    from transformers import GPTNeoXConfig
    p70 = GPTNeoXConfig(vocab_size=50304, hidden_size=512, num_hidden_layers=6, num_attention_heads=8, intermediate_size=2048,
                        rotary_pct=0.25, max_position_embeddings=2048, use_parallel_residual=True, tie_word_embeddings=False)
    m70 = load_model(p70, device=dev); P70 = gradient_params(m70)
    res['B_length'] = gradient_length(P70)
    ids70 = torch.randint(0, 50304, (1024,), device=dev, generator=torch.Generator(device=dev).manual_seed(0))
    pos70 = np.sort(np.random.default_rng(0).choice(1023, 64, replace=False))
    ref = torch.stack([naive_token_gradient(m70, ids70, int(p), P70) for p in pos70[:8]])
    for bs in (8, 16, 32, 64):
        G = token_gradients(m70, ids70, pos70, P70, batch_size=bs); sync()
        t = time.time(); G = token_gradients(m70, ids70, pos70, P70, batch_size=bs); sync(); dt = time.time() - t
        res[f'B_batched_bs{bs}_grads_per_s'] = 64/dt
        res[f'B_bs{bs}_min_cos_vs_naive'] = float((G[:8]*ref).sum(1).min())
        del G; torch.cuda.empty_cache()
    sync(); t = time.time(); [naive_token_gradient(m70, ids70, int(p), P70) for p in pos70[:16]]; sync()
    res['B_naive_grads_per_s'] = 16/(time.time() - t)
    best = max(res[f'B_batched_bs{bs}_grads_per_s'] for bs in (8, 16, 32, 64))
    res['B_study_10k_hours_naive'] = study_passes(10_000)/res['B_naive_grads_per_s']/3600
    res['B_compute_once_10k_minutes'] = 10_000/best/60
    res['B_peak_mem_GiB'] = torch.cuda.max_memory_allocated()/2**30
    log('B', {k: v for k, v in res.items() if k.startswith('B')}); save()
    del m70; torch.cuda.empty_cache()
# D. the qdg benchmark on the GPU (the Gram product, the CPU's floor, is cheap here)
if time.time() - T0 < BUDGET/3:
    from scalinglab.quanta.benchmarks import bench_qdg
    t = time.time(); b = bench_qdg(); res['D_bench_qdg'] = b | dict(ratio=b['reference_s']/b['fast_s'], wall_s=time.time() - t); log('D', res['D_bench_qdg']); save()
# C. 100k tokens: sketched gradients on CUDA, kNN affinity, sparse spectral embedding
tok = load_tokenizer('gpt2')
st = token_store('tinystories', tok, 128)
model = load_model(SuiteConfig(vocab_size=50304).model_config(128, 4), device=dev)
sel = select_tokens(st, np.zeros(st.n_rows), threshold=1, model='random', induction=False, every=1, n=int(os.environ.get('NTOK', 100_000)))
t = time.time()
run = qdg_gradients(model, st, sel, 'tiny-random-gpt2', out='/tmp/qdg100k', mode='sketched', sketch_dim=8192, chunk_tokens=8192, batch_size=128, device=dev)
res['C_n'] = len(run); res['C_gradient_s'] = time.time() - t; res['C_length'] = run.manifest['params']['length']
log('C grads', res['C_gradient_s']); save()
t = time.time(); A = knn_affinity(run.vectors, 50, block=8192, device=dev); res['C_knn_s'] = time.time() - t; res['C_knn_nnz'] = int(A.nnz)
res['C_knn_MB'] = (A.data.nbytes + A.indices.nbytes + A.indptr.nbytes)/2**20
log('C knn', res['C_knn_s'], A.nnz); save()
for k in (100, 400, 1500):
    if time.time() - T0 > BUDGET - 60: res[f'C_eig_{k}'] = 'skipped (time)'; break
    t = time.time(); emb = spectral_embedding(A, k); res[f'C_eigsh_{k}_s'] = time.time() - t
    t = time.time(); lab = torch_kmeans(emb, k, n_init=3, device=dev); res[f'C_torch_kmeans_{k}_s'] = time.time() - t   # one K of the 30, 3 restarts
    log('C eig', k, res[f'C_eigsh_{k}_s']); save()
res['total_s'] = time.time() - T0; save(); log(res)
