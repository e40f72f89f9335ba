// Loaded before every test file: decorators of type-graphql and MikroORM need the metadata polyfill.
import 'reflect-metadata';
process.env.TZ ??= 'Asia/Tokyo';
