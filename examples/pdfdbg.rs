fn main() {
    let data = std::fs::read(std::env::args().nth(1).unwrap()).unwrap();
    let doc = lopdf::Document::load_mem(&data).unwrap();
    for (n, id) in doc.get_pages() {
        let c = doc.get_page_content(id).unwrap();
        println!(
            "page {n}: {}",
            String::from_utf8_lossy(&c[..c.len().min(400)])
        );
        let ops = lopdf::content::Content::decode(&c);
        println!("ops: {:?}", ops.map(|o| o.operations.len()));
        println!("fonts: {:?}", doc.get_page_fonts(id).map(|f| f.len()));
        if n > 1 {
            break;
        }
    }
}
