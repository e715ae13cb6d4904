/** File and folder helpers (`xueli-zhuce/node`): everything that touches the file system. */
export {};
