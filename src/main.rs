fn main() {
    println!("sluis: under construction");
}
