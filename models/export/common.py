"""Shared code of the Tastelab encoder export scripts (clmr_samplecnn.py, mee.py, embed_reference.py).

Needs only what Debian's python3-torch brings (torch, numpy) and the standard library. Run the
scripts with /usr/bin/python3: Debian's torch is installed for the system interpreter only.

The windowing and pooling below are the Python twin of core/embed/torchscriptencoder.cpp; the C++
tests compare the two (max abs difference < 1e-4), so change both together.
"""

import hashlib
import json
import math
import os
import sys
import wave

try:
    import numpy as np
    import torch
except ImportError as error:  # the C++ tests look for "python3-torch" in this message
    sys.exit(f"{error}: these scripts need PyTorch and NumPy. On Debian run them with /usr/bin/python3 "
             "after installing python3-torch (apt install python3-torch).")

POOLINGS = ("mean", "max", "mean+std")


# --- windowing and pooling (the same rules as torchscriptencoder.cpp) ---------------------------

def window_starts(frames, window, hop):
    """Window start frames for a clip of `frames` frames.

    Windows of `window` frames start at 0, hop, 2*hop, ... while they fit; when audio is left after
    the last full window, one more window aligned to the end of the clip is added. A clip of at most
    `window` frames gives one window starting at 0 (zero-padded at the end).
    """
    if frames <= window:
        return [0]
    starts = list(range(0, frames - window + 1, hop))
    if starts[-1] + window < frames:
        starts.append(frames - window)
    return starts


def cut_windows(audio, window, hop):
    """audio: float32 array [channels, frames] -> float32 tensor [n, channels, window]."""
    channels, frames = audio.shape
    starts = window_starts(frames, window, hop)
    batch = np.zeros((len(starts), channels, window), dtype=np.float32)
    for i, start in enumerate(starts):
        piece = audio[:, start:start + window]
        batch[i, :, :piece.shape[1]] = piece
    return torch.from_numpy(batch)


def pool(outputs, pooling):
    """outputs: float32 array [n, size] -> float32 vector (size, or 2*size for mean+std)."""
    rows = outputs.astype(np.float64)
    if pooling == "max":
        return outputs.max(axis=0).astype(np.float32)
    mean = rows.mean(axis=0)
    if pooling == "mean":
        return mean.astype(np.float32)
    std = np.sqrt(((rows - mean) ** 2).mean(axis=0))  # population std, as in the C++ code
    return np.concatenate([mean, std]).astype(np.float32)


def embed_clips(forward, clips, window, hop, pooling, max_batch_samples=1 << 20):
    """Runs `forward` (a module or function [n, C, W] -> [n, E]) over the windows of every clip.

    clips: float32 arrays [channels, frames]. As in the C++ encoder, the windows of all clips are
    run in order in batches of at most max_batch_samples values, then pooled per clip.
    """
    windows = torch.cat([cut_windows(audio, window, hop) for audio in clips], dim=0)
    counts = [len(window_starts(audio.shape[1], window, hop)) for audio in clips]
    per_batch = max(1, max_batch_samples // (windows.shape[1] * window))
    outputs = []
    with torch.no_grad():
        for begin in range(0, windows.shape[0], per_batch):
            out = forward(windows[begin:begin + per_batch])
            outputs.append(out.detach().to(torch.float32).cpu().numpy())
    outputs = np.concatenate(outputs, axis=0)
    vectors, first = [], 0
    for count in counts:
        vectors.append(pool(outputs[first:first + count], pooling))
        first += count
    return vectors


# --- audio ---------------------------------------------------------------------------------------

def read_wav(path):
    """Reads a 16-bit PCM WAV with the standard library -> (rate, float32 array [channels, frames]).

    Samples are scaled by 1/32768, exactly as libsndfile does when Tastelab decodes 16-bit audio.
    """
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2:
            raise SystemExit(f"{path}: only 16-bit PCM WAV is supported here")
        channels = w.getnchannels()
        rate = w.getframerate()
        data = w.readframes(w.getnframes())
    samples = np.frombuffer(data, dtype="<i2").astype(np.float32) / np.float32(32768.0)
    return rate, np.ascontiguousarray(samples.reshape(-1, channels).T)


# --- checkpoints ---------------------------------------------------------------------------------

def _is_state_dict(obj):
    return isinstance(obj, dict) and len(obj) > 0 and all(torch.is_tensor(v) for v in obj.values())


def load_checkpoint(path, model):
    """Loads a checkpoint into `model`, coping with the usual wrappers and key prefixes.

    Accepts a bare state dict, a dict holding one under "state_dict" (PyTorch Lightning), "model",
    "model_state_dict" or "encoder", or a whole pickled module. Keys may carry any prefix such as
    "module." (DataParallel/DDP), "encoder.", "model.encoder." (CLMR's Lightning checkpoints);
    the prefix under which every parameter of `model` is found is stripped and other keys (projection
    heads, classifier layers, optimiser state) are ignored.
    """
    try:
        obj = torch.load(path, map_location="cpu")
    except Exception as e:  # noqa: BLE001 - report any unpickling problem plainly
        raise SystemExit(f"{path}: cannot read the checkpoint ({e})")
    if isinstance(obj, torch.nn.Module):
        obj = obj.state_dict()
    while not _is_state_dict(obj):
        inner = None
        if isinstance(obj, dict):
            for key in ("state_dict", "model", "model_state_dict", "encoder_state_dict", "encoder"):
                if isinstance(obj.get(key), dict):
                    inner = obj[key]
                    break
                if isinstance(obj.get(key), torch.nn.Module):
                    inner = obj[key].state_dict()
                    break
        if inner is None:
            keys = list(obj.keys())[:10] if isinstance(obj, dict) else type(obj).__name__
            raise SystemExit(f"{path}: no state dict found in the checkpoint (top level: {keys})")
        obj = inner

    wanted = model.state_dict()
    # Batch-norm counters are missing from some older checkpoints and do not affect inference.
    required = [k for k in wanted if not k.endswith("num_batches_tracked")]
    probe = required[0]
    prefixes = sorted({k[:-len(probe)] for k in obj if k.endswith(probe)}, key=len)
    for prefix in prefixes:
        stripped = {k[len(prefix):]: v for k, v in obj.items() if k.startswith(prefix)}
        if all(k in stripped for k in required):
            picked = {k: stripped[k] for k in wanted if k in stripped}
            for k, v in picked.items():
                if tuple(v.shape) != tuple(wanted[k].shape):
                    raise SystemExit(f"{path}: parameter {prefix}{k} has shape {tuple(v.shape)}, "
                                     f"the architecture expects {tuple(wanted[k].shape)}")
            model.load_state_dict(picked, strict=False)
            ignored = len(obj) - len(picked)
            print(f"loaded {len(picked)} tensors from {path} (prefix '{prefix}', {ignored} other keys ignored)")
            return
    sample = list(obj.keys())[:8]
    raise SystemExit(f"{path}: the checkpoint does not match the architecture: no key prefix gives all "
                     f"{len(required)} parameters (looked for '{probe}'; checkpoint keys start {sample})")


def randomize(model, seed, input_shape):
    """Deterministic random weights whose activations stay O(1), for tests and benchmarks.

    Convolutions get He-normal weights and small biases; batch norms get random affine parameters,
    and their running statistics are measured on a batch of noise of `input_shape` (fresh statistics
    would make every batch norm the identity in eval mode and let activations grow without bound,
    which would hide export bugs and blur parity checks).
    """
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, (torch.nn.Conv1d, torch.nn.Linear)):
                fan_in = module.weight[0].numel()
                module.weight.copy_(torch.randn(module.weight.shape, generator=generator) * math.sqrt(2.0 / fan_in))
                if module.bias is not None:
                    module.bias.copy_((torch.rand(module.bias.shape, generator=generator) - 0.5) * 0.2)
            elif isinstance(module, torch.nn.BatchNorm1d):
                n = module.num_features
                module.weight.copy_(0.5 + torch.rand(n, generator=generator))
                module.bias.copy_((torch.rand(n, generator=generator) - 0.5) * 0.4)
                module.reset_running_stats()
                module.momentum = None  # cumulative average over the calibration pass
        noise = torch.randn(input_shape, generator=generator) * 0.3
        model.train()
        model(noise)
        model.eval()
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm1d):
                module.momentum = 0.1


# --- command line and output ---------------------------------------------------------------------

def add_common_arguments(parser, default_name):
    weights = parser.add_mutually_exclusive_group(required=True)
    weights.add_argument("--checkpoint", metavar="PATH", help="published checkpoint (PyTorch state dict) to convert")
    weights.add_argument("--random-weights", action="store_true",
                         help="deterministic random weights instead of a checkpoint (tests only)")
    parser.add_argument("--seed", type=int, default=0, help="seed for --random-weights (default 0)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for <name>.pt and <name>.json")
    parser.add_argument("--name", default=default_name, help=f"encoder name (default {default_name})")
    parser.add_argument("--pooling", choices=POOLINGS, default="mean",
                        help="how window outputs become one vector per clip (default mean)")
    parser.add_argument("--licence", help="licence of the weights, written to the manifest")
    parser.add_argument("--reference-audio", metavar="WAV", action="append", default=[],
                        help="16-bit WAV to embed with the eager PyTorch model (repeatable; for parity tests)")
    parser.add_argument("--reference-out", metavar="JSON",
                        help="where to write the embeddings of --reference-audio")


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def weights_version(args):
    if args.random_weights:
        return f"random weights, seed {args.seed}"
    return f"{os.path.basename(args.checkpoint)[:32]} sha256:{file_sha256(args.checkpoint)[:12]}"


def export(model, args, manifest):
    """Scripts `model` to TorchScript and writes <out>/<name>.pt and <out>/<name>.json.

    `manifest` holds every manifest field except "name" and "model", which come from args.
    """
    model.eval()
    os.makedirs(args.out, exist_ok=True)
    scripted = torch.jit.script(model)
    model_file = f"{args.name}.pt"
    scripted.save(os.path.join(args.out, model_file))

    # Check the saved file before writing a manifest that points at it.
    loaded = torch.jit.load(os.path.join(args.out, model_file))
    probe = torch.zeros(1, manifest["channels"], manifest["window_samples"])
    with torch.no_grad():
        shape = tuple(loaded(probe).shape)
    if shape != (1, manifest["embedding_size"]):
        raise SystemExit(f"exported module produces {shape}, expected (1, {manifest['embedding_size']})")

    full = {"name": args.name, "model": model_file}
    full.update(manifest)
    manifest_path = os.path.join(args.out, f"{args.name}.json")
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(full, f, indent=2)
        f.write("\n")
    print(f"wrote {os.path.join(args.out, model_file)} and {manifest_path}")


def write_reference(forward, args, manifest):
    """Embeds each --reference-audio file and writes {"files": [...], "embeddings": [[...], ...]}."""
    if not args.reference_audio:
        return
    if not args.reference_out:
        raise SystemExit("--reference-audio needs --reference-out")
    clips = []
    for path in args.reference_audio:
        rate, audio = read_wav(path)
        if rate != manifest["sample_rate"] or audio.shape[0] != manifest["channels"]:
            raise SystemExit(f"{path}: is {rate} Hz with {audio.shape[0]} channel(s); the encoder expects "
                             f"{manifest['sample_rate']} Hz with {manifest['channels']} channel(s)")
        clips.append(audio)
    vectors = embed_clips(forward, clips, manifest["window_samples"], manifest["hop_samples"], manifest["pooling"])
    embeddings = [[float(x) for x in vector] for vector in vectors]
    with open(args.reference_out, "w", encoding="utf-8") as f:
        json.dump({"files": args.reference_audio, "embeddings": embeddings}, f)
    print(f"wrote {args.reference_out}")


__all__ = [
    "POOLINGS", "window_starts", "cut_windows", "pool", "embed_clips", "read_wav", "load_checkpoint",
    "randomize", "add_common_arguments", "file_sha256", "weights_version", "export", "write_reference",
]
