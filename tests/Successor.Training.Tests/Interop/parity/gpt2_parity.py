#!/usr/bin/env python3
"""Builds GPT-2 in PyTorch from a folder `successor export --format hf-gpt2` wrote and compares it with what
Successor computed on the same weights and batch (a reference safetensors file the parity test writes):
logits and loss of one forward pass, every parameter's gradient, and the weights after one AdamW step.

Only the standard library and PyTorch: safetensors files are parsed with json and struct. The model is
transformers' GPT2LMHeadModel written out (Conv1D weights are (inputs, outputs): y = x @ W + b; tanh GELU;
LayerNorm; learned positions; the head tied to wte unless lm_head.weight is present), so a mismatch in the
export's names, transposes or config shows as a large error here.

Prints one JSON object per compared tensor, then a summary line:
  {"kind": "grad", "tensor": NAME, "max_abs_error": ..., "max_rel_error": ..., "scale": ...}
max_rel_error is max|torch - successor| / max|successor| over the tensor (its infinity norm), so elements
near zero do not blow it up. Thresholds are the caller's (the xunit test states them).

Usage: gpt2_parity.py --model DIR --reference FILE [--threads N]
       gpt2_parity.py --model DIR --save DIR     (re-save the model as the hub's GPT-2 checkpoints are laid out:
                                                  names without "transformer.", no Successor keys in config.json)
"""
import argparse
import json
import math
import struct
import sys

import torch
import torch.nn.functional as F


def read_safetensors(path):
    """Tensors (float32, in the file's shapes) and the __metadata__ strings of a safetensors file."""
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        if entry["dtype"] != "F32":
            sys.exit(f"{path}: tensor {name} has dtype {entry['dtype']}; only F32 is read")
        begin, end = entry["data_offsets"]
        flat = torch.frombuffer(bytearray(data[base + begin:base + end]), dtype=torch.float32)
        tensors[name] = flat.reshape(entry["shape"]).clone()
    return tensors, metadata


def write_safetensors(path, tensors, metadata):
    """F32 tensors in the given order, as any safetensors writer lays them out (no data hash)."""
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        flat = t.detach().float().reshape(-1).tolist()
        blob = struct.pack(f"<{len(flat)}f", *flat)
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def save_hub_style(model, out):
    """The exported model as a hub checkpoint: unprefixed names, the head saved tied, GPT2Config's keys only."""
    import os
    os.makedirs(out, exist_ok=True)
    with open(f"{model}/config.json") as f:
        cfg = json.load(f)
    cfg.pop("successor_model_config", None)
    with open(f"{out}/config.json", "w") as f:
        json.dump(cfg, f, indent=2)
    weights, _ = read_safetensors(f"{model}/model.safetensors")
    hub = {n[len("transformer."):] if n.startswith("transformer.") else n: t for n, t in weights.items()}
    if cfg.get("tie_word_embeddings", True):
        hub["lm_head.weight"] = hub["wte.weight"]
    write_safetensors(f"{out}/model.safetensors", hub, {"format": "pt"})


def forward(p, cfg, idx):
    """GPT2LMHeadModel's forward in eval mode: logits (B, T, V)."""
    B, T = idx.shape
    C, NH = cfg["n_embd"], cfg["n_head"]
    HS = C // NH
    eps = cfg.get("layer_norm_epsilon", 1e-5)
    mask = torch.ones(T, T, dtype=torch.bool).tril()
    x = p["transformer.wte.weight"][idx] + p["transformer.wpe.weight"][:T]
    for layer in range(cfg["n_layer"]):
        h = f"transformer.h.{layer}."
        a = F.layer_norm(x, (C,), p[h + "ln_1.weight"], p[h + "ln_1.bias"], eps)
        qkv = a @ p[h + "attn.c_attn.weight"] + p[h + "attn.c_attn.bias"]
        q, k, v = (t.view(B, T, NH, HS).transpose(1, 2) for t in qkv.split(C, dim=2))  # (B, NH, T, HS)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(HS)
        att = att.masked_fill(~mask, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).reshape(B, T, C)
        x = x + (y @ p[h + "attn.c_proj.weight"] + p[h + "attn.c_proj.bias"])
        m = F.layer_norm(x, (C,), p[h + "ln_2.weight"], p[h + "ln_2.bias"], eps)
        m = F.gelu(m @ p[h + "mlp.c_fc.weight"] + p[h + "mlp.c_fc.bias"], approximate="tanh")
        x = x + (m @ p[h + "mlp.c_proj.weight"] + p[h + "mlp.c_proj.bias"])
    x = F.layer_norm(x, (C,), p["transformer.ln_f.weight"], p["transformer.ln_f.bias"], eps)
    head = p["lm_head.weight"] if "lm_head.weight" in p else p["transformer.wte.weight"]
    return x @ head.t()


def compare(kind, name, ours, theirs):
    ours, theirs = ours.detach().double(), theirs.double()
    if tuple(ours.shape) != tuple(theirs.shape):
        sys.exit(f"{kind} {name}: PyTorch's shape {tuple(ours.shape)} differs from Successor's {tuple(theirs.shape)}")
    error = (ours - theirs).abs().max().item()
    scale = theirs.abs().max().item()
    row = {"kind": kind, "tensor": name, "max_abs_error": error,
           "max_rel_error": error / scale if scale > 0 else error, "scale": scale}
    print(json.dumps(row))
    return row


def adamw_step(weights, grads, decay, h):
    """The weights after one torch.optim.AdamW step from `grads`, as Successor takes it: clipped by the global
    norm (scaled by clip/norm when over it), decoupled weight decay on the tensors in `decay` only."""
    params = {n: w.detach().clone().requires_grad_(True) for n, w in weights.items()}
    norm = math.sqrt(sum((g.double() ** 2).sum().item() for g in grads.values()))
    scale = h["grad_clip"] / norm if h["grad_clip"] > 0 and norm > h["grad_clip"] else 1.0
    for n, p in params.items():
        p.grad = grads[n].detach().clone() * scale
    groups = [{"params": [p for n, p in params.items() if n in decay], "weight_decay": h["weight_decay"]},
              {"params": [p for n, p in params.items() if n not in decay], "weight_decay": 0.0}]
    torch.optim.AdamW(groups, lr=h["lr"], betas=(h["beta1"], h["beta2"]), eps=h["epsilon"]).step()
    return {n: p.detach() for n, p in params.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="a folder written by successor export --format hf-gpt2")
    parser.add_argument("--reference", help="Successor's logits, loss, gradients and stepped weights")
    parser.add_argument("--save", help="write the model to this folder as a hub checkpoint instead of comparing")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if args.save:
        return save_hub_style(args.model, args.save)
    if not args.reference:
        sys.exit("give --reference FILE (to compare) or --save DIR")
    torch.set_num_threads(args.threads)

    with open(f"{args.model}/config.json") as f:
        cfg = json.load(f)
    weights, _ = read_safetensors(f"{args.model}/model.safetensors")
    ref, meta = read_safetensors(args.reference)
    grads = {n[len("grad."):]: t for n, t in ref.items() if n.startswith("grad.")}
    after = {n[len("after."):]: t for n, t in ref.items() if n.startswith("after.")}
    if not cfg.get("tie_word_embeddings", True) and "lm_head.weight" not in weights:
        sys.exit("config.json unties the head but model.safetensors has no lm_head.weight")
    unknown = sorted(set(grads) - set(weights))
    if unknown:
        sys.exit(f"Successor has gradients for {unknown}, which the exported GPT-2 lacks")

    # Tensors Successor does not train (the zero biases a bias-free model is exported with) stay frozen.
    params = {n: t.requires_grad_(n in grads) for n, t in weights.items()}
    idx = ref["input"].long()
    targets = ref["target"].long()
    logits = forward(params, cfg, idx)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
    loss.backward()

    rows = [compare("logits", "logits", logits, ref["logits"]), compare("loss", "loss", loss.reshape(1), ref["loss"])]
    rows += [compare("grad", n, params[n].grad, g) for n, g in grads.items()]

    # The step from Successor's gradients checks the optimizer alone, to rounding. The step from PyTorch's own
    # gradients is reported too: Adam's first update is lr * g / (|g| + eps) per element, so where |g| is near eps
    # a rounding-level difference in g moves it by a visible part of lr; it is measured in units of lr.
    hyper = {k: float(meta[k]) for k in ("lr", "beta1", "beta2", "epsilon", "weight_decay", "grad_clip")}
    decay = set(meta["decay"].split(","))
    stepped = adamw_step({n: weights[n] for n in grads}, grads, decay, hyper)
    rows += [compare("after", n, stepped[n], w) for n, w in after.items()]
    own = adamw_step({n: weights[n] for n in grads}, {n: params[n].grad for n in grads}, decay, hyper)
    own_error = max((own[n].double() - w.double()).abs().max().item() for n, w in after.items()) / hyper["lr"]

    worst = {}
    for r in rows:
        worst[r["kind"]] = max(worst.get(r["kind"], 0.0), r["max_rel_error"])
    print(json.dumps({"summary": worst, "tensors": len(rows), "torch": torch.__version__,
                      "after_own_gradients_max_error_in_lr": own_error}))


if __name__ == "__main__":
    main()
