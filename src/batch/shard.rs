//! Shares of a batch: `--shard K/N` given by hand, or `--shard auto` taken
//! from the index an orchestrator gives each of its workers (a Kubernetes
//! Indexed Job, an AWS Batch array job, a Cloud Run job).

use crate::tr;
use std::str::FromStr;

use sha2::{Digest, Sha256};

/// The K-th of N shares of a batch (K counted from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| tr!("batch-shard-form", spec = s))?;
        let number = |t: &str| {
            t.trim()
                .parse::<u32>()
                .map_err(|_| tr!("batch-shard-not-number", part = t, spec = s))
        };
        let (index, count) = (number(k)?, number(n)?);
        if count == 0 || index == 0 || index > count {
            return Err(tr!("batch-shard-range", spec = s));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the letter at `relative` (its path below the input root, with
    /// `/` separators) is in this shard. By a hash of the path rather than its
    /// rank in a sorted list: adding a letter then moves no other letter to
    /// another shard, each runner's incremental state stays valid, and a
    /// retried index takes exactly the same letters on any machine.
    pub fn takes(&self, relative: &str) -> bool {
        let hash = Sha256::digest(relative.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash[..8]);
        u64::from_be_bytes(first) % u64::from(self.count) == u64::from(self.index - 1)
    }

    /// The shard of a worker of an orchestrator, from its environment (read
    /// through `var`). The index variables count from 0; `shards` is
    /// `--shards N`, needed where the orchestrator does not say how many
    /// workers there are.
    pub fn from_orchestrator(
        shards: Option<u32>,
        var: impl Fn(&str) -> Option<String>,
    ) -> std::result::Result<Shard, String> {
        // (index variable, count variable), the first one set wins.
        const ORCHESTRATORS: [(&str, &str); 3] = [
            ("JOB_COMPLETION_INDEX", "JOB_COMPLETIONS"),
            ("AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE"),
            ("CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_COUNT"),
        ];
        let Some((index_var, count_var, index)) = ORCHESTRATORS
            .iter()
            .find_map(|(i, c)| var(i).map(|v| (*i, *c, v)))
        else {
            return Err(tr!("batch-shard-auto-no-index"));
        };
        let number = |name: &str, value: &str| {
            value
                .trim()
                .parse::<u32>()
                .map_err(|_| tr!("batch-shard-auto-not-number", name = name, value = value))
        };
        let index = number(index_var, &index)?;
        let count = match (shards, var(count_var)) {
            (Some(n), _) => n,
            (None, Some(c)) => number(count_var, &c)?,
            (None, None) => {
                return Err(tr!(
                    "batch-shard-auto-no-count",
                    index = index_var,
                    count = count_var
                ));
            }
        };
        if count == 0 || index >= count {
            return Err(tr!(
                "batch-shard-auto-index-too-big",
                name = index_var,
                index = index,
                count = count
            ));
        }
        Ok(Shard {
            index: index + 1,
            count,
        })
    }

    /// The manifest of this shard's letters, named so that shards writing
    /// one folder never share a file.
    pub fn manifest_name(&self) -> String {
        format!("manifest.shard-{}-of-{}.jsonl", self.index, self.count)
    }
}

/// What `--shard` says: a share given by hand, or `auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardSpec {
    Fixed(Shard),
    Auto,
}

impl FromStr for ShardSpec {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<ShardSpec, String> {
        if s == "auto" {
            return Ok(ShardSpec::Auto);
        }
        s.parse().map(ShardSpec::Fixed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_spec_is_checked() {
        assert_eq!("2/5".parse(), Ok(Shard { index: 2, count: 5 }));
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert!("1/0".parse::<Shard>().is_err());
        assert!("1-3".parse::<Shard>().is_err());
        assert!("a/3".parse::<Shard>().is_err());
        assert_eq!("auto".parse(), Ok(ShardSpec::Auto));
        assert_eq!(
            "1/2".parse(),
            Ok(ShardSpec::Fixed(Shard { index: 1, count: 2 }))
        );
    }

    #[test]
    fn shards_partition_any_set_of_paths() {
        let paths: Vec<String> = (0..500)
            .map(|i| format!("d{}/letter-{i}.yaml", i % 7))
            .collect();
        let shards: Vec<Shard> = (1..=4).map(|k| Shard { index: k, count: 4 }).collect();
        let mut sizes = [0usize; 4];
        for p in &paths {
            let takers: Vec<usize> = (0..4).filter(|&k| shards[k].takes(p)).collect();
            assert_eq!(takers.len(), 1, "{p} taken by {takers:?}");
            sizes[takers[0]] += 1;
        }
        // A hash split is not exact, but no shard is starved.
        assert!(sizes.iter().all(|&s| s > 80), "{sizes:?}");
    }

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn each_orchestrator_gives_the_shard_counted_from_zero() {
        let s = |i, n| Ok(Shard { index: i, count: n });
        let auto = Shard::from_orchestrator;
        assert_eq!(
            auto(Some(8), env(&[("JOB_COMPLETION_INDEX", "0")])),
            s(1, 8)
        );
        assert_eq!(
            auto(
                None,
                env(&[("JOB_COMPLETION_INDEX", "7"), ("JOB_COMPLETIONS", "8")])
            ),
            s(8, 8)
        );
        // --shards wins over the orchestrator's count.
        assert_eq!(
            auto(
                Some(4),
                env(&[("JOB_COMPLETION_INDEX", "3"), ("JOB_COMPLETIONS", "8")])
            ),
            s(4, 4)
        );
        assert_eq!(
            auto(
                None,
                env(&[
                    ("AWS_BATCH_JOB_ARRAY_INDEX", "2"),
                    ("AWS_BATCH_JOB_ARRAY_SIZE", "3")
                ])
            ),
            s(3, 3)
        );
        assert_eq!(
            auto(
                None,
                env(&[("CLOUD_RUN_TASK_INDEX", "0"), ("CLOUD_RUN_TASK_COUNT", "1")])
            ),
            s(1, 1)
        );
    }

    #[test]
    fn a_missing_or_wrong_index_is_a_clear_error() {
        let auto = Shard::from_orchestrator;
        let none = auto(Some(4), env(&[])).unwrap_err();
        assert!(none.contains("JOB_COMPLETION_INDEX"), "{none}");
        assert!(none.contains("--shard K/N"), "{none}");
        let no_count = auto(None, env(&[("JOB_COMPLETION_INDEX", "1")])).unwrap_err();
        assert!(no_count.contains("--shards N"), "{no_count}");
        let past = auto(Some(4), env(&[("JOB_COMPLETION_INDEX", "4")])).unwrap_err();
        assert!(past.contains("0 to N-1"), "{past}");
        let text = auto(Some(4), env(&[("JOB_COMPLETION_INDEX", "x")])).unwrap_err();
        assert!(text.contains("not a whole number"), "{text}");
        assert!(auto(Some(0), env(&[("JOB_COMPLETION_INDEX", "0")])).is_err());
    }

    #[test]
    fn an_orchestrator_index_is_the_same_share_as_by_hand() {
        for i in 0..8u32 {
            let auto = Shard::from_orchestrator(Some(8), |k| {
                (k == "JOB_COMPLETION_INDEX").then(|| i.to_string())
            })
            .unwrap();
            assert_eq!(auto, format!("{}/8", i + 1).parse().unwrap());
        }
    }
}
