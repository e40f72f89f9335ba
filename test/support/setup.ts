// Loaded before every test file: decorators of type-graphql and MikroORM need the metadata polyfill.
import 'reflect-metadata';
import './keys';
process.env.TZ ??= 'Asia/Tokyo';
