//! `train-ner`: trains the entity recogniser's model from CoNLL-2003 `eng.train` and
//! unlabelled Reuters-21578 news, deterministically, and writes `models/ner.bin`.
//!
//! usage: train-ner --train FILE [--dev FILE] [--reuters FILE] [--epochs N] [--folds N]
//!        [--mix N] [--seed N] [--prune N] [--out FILE]
//!        [--predict FILE]

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use lede::analyze::entities::read_conll;
use lede::analyze::entities::train::{LexiconSources, TrainOptions, evaluate, train};

fn main() -> anyhow::Result<()> {
    let mut train_paths: Vec<PathBuf> = Vec::new();
    let mut dev_path = None;
    let mut out = PathBuf::from("models/ner.bin");
    let mut predict = None;
    let mut sources = LexiconSources::default();
    let mut opts = TrainOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--train" => train_paths.push(value()?.into()),
            "--dev" => dev_path = Some(PathBuf::from(value()?)),
            "--reuters" => sources.reuters_jsonl = Some(value()?.into()),
            "--epochs" => opts.epochs = value()?.parse()?,
            "--seed" => opts.seed = value()?.parse()?,
            "--mix" => opts.mix = value()?.parse()?,
            "--folds" => opts.folds = value()?.parse()?,
            "--prune" => opts.prune = value()?.parse()?,
            "--out" => out = value()?.into(),
            "--predict" => predict = Some(PathBuf::from(value()?)),
            _ => bail!("unknown argument {arg}"),
        }
    }
    if train_paths.is_empty() {
        bail!(
            "usage: train-ner --train FILE [--dev FILE] [--reuters FILE] [--epochs N] [--out FILE]"
        );
    }
    let started = Instant::now();
    let mut train_docs = Vec::new();
    for p in &train_paths {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        train_docs.extend(read_conll(&text)?);
    }
    let dev_docs = match &dev_path {
        Some(p) => read_conll(
            &std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        )?,
        None => Vec::new(),
    };
    let (recognizer, bytes) =
        train(&train_docs, &dev_docs, &sources, &opts).context("building the lexicon")?;
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "train-ner: wrote {} ({} bytes) in {:.1}s",
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    if let Some(dev) = &dev_path {
        let scores = evaluate(&recognizer, &dev_docs);
        eprintln!("train-ner: quantised model on {}: {scores}", dev.display());
        if let Some(p) = &predict {
            let text = std::fs::read_to_string(dev)?;
            std::fs::write(p, recognizer.tag_conll(&text)?)?;
        }
    }
    Ok(())
}
