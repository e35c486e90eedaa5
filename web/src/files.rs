//! Several files opened or dropped at once, as one input: joined as one YAML stream (`---`
//! between them, so each file stays a document of its own), and the name of the file a line of
//! the joined text came from, for the documents list.

/// The files joined, and each file's name with its first line in the joined text (1-based).
pub fn join(files: &[(String, String)]) -> (String, Vec<(u32, String)>) {
    let mut text = String::new();
    let mut starts = Vec::new();
    let mut line = 1u32;
    for (at, (name, content)) in files.iter().enumerate() {
        if at > 0 {
            text.push_str("---\n");
            line += 1;
        }
        starts.push((line, name.clone()));
        text.push_str(content);
        if !content.ends_with('\n') {
            text.push('\n');
        }
        let lines = content.lines().count().max(1);
        line = line.saturating_add(u32::try_from(lines).unwrap_or(u32::MAX));
    }
    (text, starts)
}

/// The file `line` of the joined text belongs to, with the line's number inside that file.
pub fn file_of(files: &[(u32, String)], line: u32) -> Option<(&str, u32)> {
    let (first, name) = files.iter().rev().find(|(first, _)| *first <= line)?;
    Some((name, line - first + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_documents_apart_and_each_line_names_its_file() {
        let files = [
            (
                String::from("kubeadm.yaml"),
                String::from(
                    "kind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n",
                ),
            ),
            (
                String::from("net-conf.json"),
                String::from("{\n  \"Network\": \"10.245.0.0/16\"\n}"),
            ),
            (
                String::from("nodes.txt"),
                String::from("NAME PODCIDR\nn1 10.244.0.0/24\n"),
            ),
        ];
        let (text, starts) = join(&files);
        assert_eq!(
            text,
            "kind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n---\n{\n  \"Network\": \"10.245.0.0/16\"\n}\n---\nNAME PODCIDR\nn1 10.244.0.0/24\n"
        );
        let lines: Vec<u32> = starts.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [1, 5, 9]);
        let all: Vec<&str> = text.lines().collect();
        for (line, _) in &starts[1..] {
            assert_eq!(
                all[*line as usize - 2],
                "---",
                "a marker before line {line}"
            );
        }
        assert_eq!(file_of(&starts, 6), Some(("net-conf.json", 2)));
        assert_eq!(file_of(&starts, 10), Some(("nodes.txt", 2)));
        assert_eq!(file_of(&starts, 1), Some(("kubeadm.yaml", 1)));
        assert_eq!(file_of(&[], 3), None);
    }
}
