import express from 'express';

const api = express();
api.use(express.json());
// ok: javascript.express.csrf-missing
api.post('/v1/items', (req: Request, res: Response) => res.status(201).json(req.body));

module.exports = api;
