def f():
    await_ = 1
    async_ = 2
    return await_ + async_
